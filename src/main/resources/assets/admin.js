// The agency form shows the fields of the chosen channel only (without script, all of them).
(function () {
  const channel = document.getElementById('channel');
  if (!channel) return;
  const show = () => document.querySelectorAll('fieldset[data-channel]').forEach(f => {
    f.hidden = !f.dataset.channel.split(' ').includes(channel.value);
  });
  channel.addEventListener('change', show);
  show();
})();
