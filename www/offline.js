// Offline and updates: registers the service worker (sw.js), reports "ready
// offline" once it controls the page (its install only succeeds when every
// file of the build is cached), and "update available" when a new build has
// been installed and is waiting; accepting posts 'skip-waiting' to it and
// reloads when it has taken over.

/**
 * @param {{ onState: (state: 'pending'|'ready'|'offline'|'unsupported'|'error', detail?: string) => void,
 *           onUpdate: (apply: () => void) => void }} hooks
 */
export async function setupOffline({ onState, onUpdate }) {
  if (!('serviceWorker' in navigator)) {
    onState('unsupported');
    return;
  }
  const sw = navigator.serviceWorker;
  let reloading = false;
  let accepted = false;

  const refresh = () => {
    if (!sw.controller) onState('pending');
    else onState(navigator.onLine ? 'ready' : 'offline');
  };
  addEventListener('online', refresh);
  addEventListener('offline', refresh);

  sw.addEventListener('controllerchange', () => {
    // The first install claims the page (nothing to reload); an accepted
    // update replaces the old worker, and the page reloads onto the new build.
    if (accepted && !reloading) {
      reloading = true;
      location.reload();
      return;
    }
    refresh();
  });

  refresh();
  let registration;
  try {
    registration = await sw.register('./sw.js', { scope: './' });
  } catch (err) {
    // Offline, registering (which checks for an update) fails; the worker
    // that controls the page still serves it.
    if (sw.controller) refresh();
    else onState('error', err?.message || String(err));
    return;
  }

  const offer = (worker) => {
    onUpdate(() => {
      accepted = true;
      worker.postMessage('skip-waiting');
    });
  };
  const watch = (worker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) offer(worker);
      if (worker.state === 'activated') refresh();
    });
  };
  if (registration.waiting && sw.controller) offer(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => {
    if (registration.installing) watch(registration.installing);
  });
  refresh();
  // Look for a new build now and then while the page stays open.
  setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
}
