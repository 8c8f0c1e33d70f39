import { Link, usePathname } from './router';
import { LeadsPage } from './pages/leads-page';
import { PlaybooksPage } from './pages/playbooks-page';
import { SegmentsPage } from './pages/segments-page';

const pages = [
  { path: '/leads', label: 'Leads', element: <LeadsPage /> },
  { path: '/playbooks', label: 'Playbooks', element: <PlaybooksPage /> },
  { path: '/segments', label: 'Segments', element: <SegmentsPage /> },
];

export function App() {
  const pathname = usePathname();
  const page = pages.find((p) => pathname.startsWith(p.path)) ?? pages[0];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Segflow</div>
        {pages.map((p) => (
          <Link key={p.path} to={p.path} className={p === page ? 'active' : undefined}>
            {p.label}
          </Link>
        ))}
      </nav>
      <main className="content">{page.element}</main>
    </div>
  );
}
