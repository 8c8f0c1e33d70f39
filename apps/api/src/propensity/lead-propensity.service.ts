import { Injectable } from '@nestjs/common';
import {
  predictConversion,
  propensityVector,
  type PropensityModel,
  type PropensityNotTrained,
  type SegmentConversion,
} from '@segflow/scoring';
import { findActivePropensity, listLeadPropensityInputs } from '@segflow/stores';
import { DataSource } from 'typeorm';

type StoredPropensity = PropensityModel | PropensityNotTrained;

/**
 * Conversion probabilities from the active segment model's propensity model, computed on read from each lead's
 * features now (not stored per lead): a page of leads costs one query and microseconds of arithmetic, approval needs
 * no per-lead rewrite, and the probability always uses the features as of the request (recency decays with time).
 */
@Injectable()
export class LeadPropensityService {
  constructor(private readonly dataSource: DataSource) {}

  /** The active propensity model, or null when there is no active model or it trained none. */
  async activeModel(): Promise<PropensityModel | null> {
    const stored = await findActivePropensity<StoredPropensity>(this.dataSource.manager);
    return stored?.status === 'trained' ? stored : null;
  }

  /**
   * Each lead's calibrated probability of converting within the model's horizon, at `now`; null for a lead without
   * events, and for every lead when there is no trained propensity model. Unknown ids are left out of the map.
   * @example const p = await propensity.probabilitiesOf(tasks.map((t) => t.leadId), now); p.get(leadId); // 0.18
   */
  async probabilitiesOf(leadIds: readonly string[], now: Date): Promise<Map<string, number | null>> {
    const model = leadIds.length ? await this.activeModel() : null;
    const rows = model ? await listLeadPropensityInputs(this.dataSource.manager, leadIds) : [];
    const probabilities = new Map<string, number | null>(leadIds.map((id) => [id, null]));
    for (const row of rows)
      if (row.state)
        probabilities.set(row.lead_id, predictConversion(model!, propensityVector(row.state, row.lead, now)));
    return probabilities;
  }

  /**
   * Each segment's observed conversion on the active propensity model's held-out entries and the model's mean
   * prediction on them, by segment id.
   */
  async segmentConversions(): Promise<Map<string, SegmentConversion>> {
    const model = await this.activeModel();
    return new Map((model?.segments ?? []).map((s) => [s.segmentId, s]));
  }
}
