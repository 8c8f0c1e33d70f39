import type { LeadContext, SimulationResult } from '@segflow/playbook';
import { useEffect, useState } from 'react';
import type { SideTab } from './editor-side-panel';
import { PREVIEW_LEAD } from './preview-lead';

/** The side panel's open tab and the simulation's lead and result; selecting a node opens its form. */
export function useSidePanel(selectedNodeId: string | null) {
  const [tab, setTab] = useState<SideTab>('settings');
  const [lead, setLead] = useState<LeadContext>(PREVIEW_LEAD);
  const [simulation, setSimulation] = useState<SimulationResult | null>(null);
  useEffect(() => {
    if (selectedNodeId) setTab('node');
  }, [selectedNodeId]);
  return { tab, setTab, lead, setLead, simulation, setSimulation };
}
