// Offline support (docs/STORAGE.md): registers the service worker
// that scripts/build.sh writes into release builds (a debug build
// has no sw.js and the registration fails quietly). A new worker
// waits; window.canvassUpdate tells the app, which applies it when
// no survey is being filled or on "update", then the page reloads.
// Inlined by trunk into index.html and staff/index.html; a page below the
// app's root names the way up in <meta name="canvass-root" content="../">,
// so both bundles register the one worker at the root (scope: everything).
window.canvassUpdate = { waiting: false, apply() {} };
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    let applying = false;
    const root = document.querySelector('meta[name="canvass-root"]')?.content ?? '';
    navigator.serviceWorker.register(`${root}sw.js`).then((reg) => {
        const announce = () => {
            if (!reg.waiting || !navigator.serviceWorker.controller) return;
            window.canvassUpdate.waiting = true;
            window.canvassUpdate.apply = () => { applying = true; reg.waiting.postMessage('skipWaiting'); };
            window.dispatchEvent(new Event('canvass-update'));
        };
        announce();
        reg.addEventListener('updatefound', () => {
            const worker = reg.installing;
            worker.addEventListener('statechange', () => { if (worker.state === 'installed') announce(); });
        });
    }).catch(() => {});
    navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (applying) location.reload();
    });
}
