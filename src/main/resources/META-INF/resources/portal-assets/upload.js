/*
 * The case page's resumable upload: sends the chosen file by the tus protocol 1.0 (creation, checksum) in pieces to
 * this origin, each with its SHA-1, and after a dropped connection asks where the upload stands (HEAD) and goes on
 * from there, also after the page is reloaded (the upload's address is kept in localStorage). Without script, or
 * without fetch and Web Crypto, the form posts the file as plain multipart instead.
 */
(function () {
  'use strict';
  var form = document.getElementById('upload');
  if (!form || !window.fetch || !window.crypto || !window.crypto.subtle || !window.localStorage) {
    return;
  }
  var PIECE = 256 * 1024;
  var status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.id = 'upload-status';
  form.appendChild(status);
  var base = '/portal/uploads/' + form.getAttribute('data-case');
  var csrf = form.querySelector('input[name="csrf-token"]').value;

  function b64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary);
  }
  function headers(extra) {
    var h = { 'Tus-Resumable': '1.0.0', 'X-CSRF-Token': csrf };
    for (var k in extra) { h[k] = extra[k]; }
    return h;
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function say(text) { status.textContent = text; }

  function create(file, kind) {
    var meta = 'filename ' + b64(file.name) + ',filetype ' + b64(file.type || 'application/octet-stream')
      + ',kind ' + b64(kind);
    return fetch(base, { method: 'POST', credentials: 'same-origin',
      headers: headers({ 'Upload-Length': String(file.size), 'Upload-Metadata': meta }) })
      .then(function (r) {
        if (r.status !== 201) { throw new Error('refused ' + r.status); }
        return r.headers.get('Location');
      });
  }
  function offsetOf(url) {
    return fetch(url, { method: 'HEAD', credentials: 'same-origin', headers: headers({}) }).then(function (r) {
      return r.ok ? Number(r.headers.get('Upload-Offset')) : -1;
    });
  }
  function send(url, file, offset) {
    var piece = file.slice(offset, Math.min(offset + PIECE, file.size));
    return piece.arrayBuffer().then(function (bytes) {
      return crypto.subtle.digest('SHA-1', bytes).then(function (sha1) {
        var digest = btoa(String.fromCharCode.apply(null, new Uint8Array(sha1)));
        return fetch(url, { method: 'PATCH', credentials: 'same-origin', body: bytes,
          headers: headers({ 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset),
            'Upload-Checksum': 'sha1 ' + digest }) });
      });
    });
  }

  async function upload(file, kind) {
    var key = 'ipc-upload ' + base + ' ' + file.name + ' ' + file.size + ' ' + file.lastModified;
    var url = localStorage.getItem(key);
    var offset = url ? await offsetOf(url).catch(function () { return -1; }) : -1;
    if (offset < 0) {
      url = await create(file, kind);
      localStorage.setItem(key, url);
      offset = 0;
    }
    var failures = 0;
    while (offset < file.size) {
      say(form.getAttribute('data-resumable').replace('{0}', Math.floor(offset * 100 / file.size)));
      try {
        var r = await send(url, file, offset);
        if (r.status === 204) {
          offset = Number(r.headers.get('Upload-Offset'));
          failures = 0;
          continue;
        }
        if (r.status < 500 && r.status !== 409 && r.status !== 460) {
          localStorage.removeItem(key);
          return r;
        }
      } catch (dropped) {
        // the connection dropped: ask where the upload stands and go on from there
      }
      failures++;
      say(form.getAttribute('data-retry'));
      await sleep(Math.min(30000, 1000 * Math.pow(2, Math.min(failures, 5))));
      var now = await offsetOf(url).catch(function () { return offset; });
      if (now >= 0) { offset = now; }
    }
    localStorage.removeItem(key);
    return null;
  }

  form.addEventListener('submit', function (event) {
    var file = form.querySelector('input[type="file"]').files[0];
    if (!file) { return; }
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    upload(file, form.querySelector('select[name="kind"]').value).then(function (refused) {
      if (refused) {
        button.disabled = false;
        say(form.getAttribute(refused.status === 415 ? 'data-type' : refused.status === 413 ? 'data-size'
          : 'data-invalid'));
        return;
      }
      say(form.getAttribute('data-done'));
      location.assign(location.pathname + '?uploaded=' + Date.now() + '#documents');
    }, function (error) {
      button.disabled = false;
      say(String(error.message || error));
    });
  });
}());
