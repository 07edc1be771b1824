// The inbox's own small script (served from the page's origin; the content policy allows script from 'self' only).
// It keeps the queue counts and the list current without a full reload: every few seconds it asks /inbox/counts,
// a cheap answer read from counter rows, and when the stamp of the caller's queues has changed it fetches the list
// page again and swaps in its counts, views and rows. Ticked boxes and a focused control are left alone: the list
// is only swapped while nothing in it is ticked or focused. Without script the page works the same; a reload shows
// the same thing.
(function () {
  'use strict';
  var list = document.querySelector('form[data-live="list"]');
  if (!list || !window.fetch || !window.DOMParser) {
    return;
  }
  var every = Math.max(5, parseInt(document.body.getAttribute('data-refresh-seconds'), 10) || 15) * 1000;
  var stamp = null;

  function busy() {
    return list.querySelector('input[name="task"]:checked') !== null || list.contains(document.activeElement);
  }

  function swap(fresh, selector) {
    var now = document.querySelector(selector);
    var next = fresh.querySelector(selector);
    if (now && next) {
      now.replaceWith(next);
    }
  }

  function refresh() {
    if (busy()) {
      return Promise.resolve();
    }
    return fetch(list.getAttribute('data-list-url'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || busy()) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        swap(fresh, 'section.queues');
        swap(fresh, 'nav[aria-label="Views"]');
        swap(fresh, 'nav[aria-label="Saved filters"]');
        swap(fresh, 'form[data-live="list"] table');
        document.body.setAttribute('data-refreshed', String(Date.now()));
      });
  }

  function poll() {
    if (document.hidden) {
      // a tab in the background asks nothing; it catches up when it is looked at again
      window.setTimeout(poll, every);
      return;
    }
    fetch('/inbox/counts', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (counts) {
        if (counts === null) {
          return null;
        }
        var changed = stamp !== null && counts.stamp !== stamp;
        stamp = counts.stamp;
        return changed ? refresh() : null;
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { window.setTimeout(poll, every); });
  }

  window.setTimeout(poll, 0);
}());
