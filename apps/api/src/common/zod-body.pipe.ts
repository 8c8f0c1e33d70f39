import { BadRequestException, PipeTransform } from '@nestjs/common';
import { formatIssues } from '@segflow/scoring';
import type { ZodType } from 'zod';

/** Parses a request body with a compiled zod schema from the libs; a failure is a 400 naming each field. */
export class ZodBodyPipe<T> implements PipeTransform<unknown, T> {
  constructor(readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new BadRequestException({ message: 'invalid request body', issues: formatIssues(parsed.error) });
  }
}
