// Posts the address as JSON and shows the service's (localized) reply, refusals such as 429 and 503 included.
(function () {
  'use strict';
  var form = document.getElementById('forgot-form');
  var result = document.getElementById('result');
  var button = document.getElementById('submit');

  function show(text, isError) {
    result.textContent = text;
    result.className = isError ? 'error' : 'success';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'Accept-Language': document.documentElement.lang
      },
      body: JSON.stringify({ email: form.elements.email.value }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer'
    }).then(function (response) {
      return response.json();
    }).then(function (reply) {
      show(reply.message, reply.code !== 0);
    }).catch(function () {
      show(form.dataset.failed, true);
    }).then(function () {
      button.disabled = false;
    });
  });
}());
