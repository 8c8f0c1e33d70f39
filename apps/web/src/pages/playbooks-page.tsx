import { usePathname } from '../router';
import { PlaybookEditorPage } from './playbook-editor-page';
import { PlaybooksListPage } from './playbooks-list-page';

/** `/playbooks` lists playbooks; `/playbooks/:id` opens one in the editor. */
export function PlaybooksPage() {
  const match = /^\/playbooks\/([^/]+)/.exec(usePathname());
  return match ? <PlaybookEditorPage playbookId={decodeURIComponent(match[1]!)} /> : <PlaybooksListPage />;
}
