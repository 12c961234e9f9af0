// Submits the reset form as a form-encoded POST and shows the service's (localized) answer on the page.
(function () {
  'use strict';
  var form = document.getElementById('reset-form');
  var result = document.getElementById('result');
  var button = document.getElementById('submit');

  function show(text, isError) {
    result.textContent = text;
    result.className = isError ? 'error' : 'success';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var password = form.elements.password.value;
    if (password !== form.elements.confirmation.value) {
      show(form.dataset.mismatch, true);
      return;
    }
    var body = new URLSearchParams();
    body.append('token', form.elements.token.value);
    body.append('password', password);
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/json',
        'Accept-Language': document.documentElement.lang
      },
      body: body,
      credentials: 'same-origin',
      referrerPolicy: 'no-referrer'
    }).then(function (response) {
      return response.json();
    }).then(function (reply) {
      if (reply.code === 0) {
        form.hidden = true;
        show(reply.message, false);
      } else {
        show(reply.message, true);
        button.disabled = false;
      }
    }).catch(function () {
      show(form.dataset.failed, true);
      button.disabled = false;
    });
  });
}());
