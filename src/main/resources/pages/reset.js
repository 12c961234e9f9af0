// Submits the reset form as a form-encoded POST and shows the service's answer; on success the form goes away.
ServicePage.onSubmit('reset-form', function (form, button) {
  'use strict';
  var password = form.elements.password.value;
  if (password !== form.elements.confirmation.value) {
    ServicePage.show(form.dataset.mismatch, true);
    return;
  }
  var body = new URLSearchParams();
  body.append('token', form.elements.token.value);
  body.append('password', password);
  button.disabled = true;
  ServicePage.post(form, 'application/x-www-form-urlencoded', body, 'same-origin')
    .then(function (reply) {
      var succeeded = reply.code === 0;
      form.hidden = succeeded;
      ServicePage.show(reply.message, !succeeded);
      button.disabled = succeeded;
    }).catch(function () {
      ServicePage.show(form.dataset.failed, true);
      button.disabled = false;
    });
});
