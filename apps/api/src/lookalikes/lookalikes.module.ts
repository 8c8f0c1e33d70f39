import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { LookalikesController } from './lookalikes.controller';
import { LookalikesService } from './lookalikes.service';

/** Lookalike lists: non-customers ranked by similarity to converted leads, enrolled into playbooks by hand. */
@Module({
  imports: [RunsModule],
  controllers: [LookalikesController],
  providers: [LookalikesService],
})
export class LookalikesModule {}
