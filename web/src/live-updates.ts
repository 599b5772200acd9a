// Keeps an open page current while `kg watch` (or any ingest) adds articles: the server streams the document
// count (/api/updates, server-sent events) and the page reloads the graph when it grows. Kept apart from the
// rest of the page so the viewer's structure can change around it.

/** Calls onGrowth(added) each time the graph gains documents; shows a short notice with the count. */
export function followUpdates(onGrowth: (added: number) => Promise<void>): void {
  if (typeof EventSource === 'undefined') return;
  const notice = document.createElement('div');
  notice.id = 'live-updates';
  notice.setAttribute('role', 'status');
  notice.style.cssText = 'position:fixed;bottom:12px;left:50%;transform:translateX(-50%);padding:6px 12px;border-radius:6px;background:#223;color:#fff;font:13px sans-serif;display:none;z-index:10';
  document.body.append(notice);
  let known: number | undefined;
  const events = new EventSource('/api/updates');
  events.addEventListener('documents', (event) => {
    const { documents } = JSON.parse((event as MessageEvent<string>).data) as { documents: number };
    const added = known === undefined ? 0 : documents - known;
    known = documents;
    if (added <= 0) return;
    void onGrowth(added).then(() => {
      notice.textContent = `${added} new article${added === 1 ? '' : 's'} added to the graph`;
      notice.style.display = 'block';
      setTimeout(() => (notice.style.display = 'none'), 6000);
    });
  });
}
