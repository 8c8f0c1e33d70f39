import './pages.css';
import { usePathname } from '../router';
import { LeadDetailPage } from './lead-detail-page';
import { LeadsListPage } from './leads-list-page';

/** `/leads` lists and searches leads; `/leads/:id` shows one lead's timeline. */
export function LeadsPage() {
  const match = /^\/leads\/([^/]+)/.exec(usePathname());
  return match ? <LeadDetailPage leadId={decodeURIComponent(match[1]!)} /> : <LeadsListPage />;
}
