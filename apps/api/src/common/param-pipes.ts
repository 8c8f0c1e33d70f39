import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { isUuid } from '@segflow/api-contracts';

function refuse(metadata: ArgumentMetadata, reason: string): BadRequestException {
  return new BadRequestException({
    message: 'invalid request',
    issues: [{ field: metadata.data ?? '(root)', reason }],
  });
}

/** Like Nest's ParseUUIDPipe, but the 400 names the path parameter, as every other refusal of the API does. */
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUuid(value)) throw refuse(metadata, 'must be a UUID');
    return value;
  }
}

/** Like Nest's ParseIntPipe, but the 400 names the path parameter; beyond 2^53 a number no longer names one row. */
export class IntParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed)) throw refuse(metadata, 'must be an integer (at most 2^53 - 1)');
    return parsed;
  }
}
