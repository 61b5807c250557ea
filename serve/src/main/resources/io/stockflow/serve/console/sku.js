'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const sku = SF.subject();
  $('sku-id').textContent = sku;
  document.title = 'stockflow: ' + sku;

  SF.getJson('/skus/' + encodeURIComponent(sku)).then(s => {
    const row = p => SF.el('tr', {},
      SF.el('td', {}, p.location === '*' ? 'all locations' : p.location), SF.el('td', {class: 'num'}, p.on_hand),
      SF.el('td', {class: 'num'}, p.reserved), SF.el('td', {class: 'num'}, p.safety_stock),
      SF.el('td', {class: 'num'}, p.available), SF.el('td', {class: 'num'}, p.version), SF.el('td', {}, SF.time(p.as_of)));
    SF.fill(document.querySelector('#positions tbody'), [s.total, ...s.locations].filter(Boolean).map(row));
    SF.fill(document.querySelector('#listed tbody'), s.listed.map(l => SF.el('tr', {},
      SF.el('td', {}, l.channel), SF.el('td', {class: 'num'}, l.quantity), SF.el('td', {}, SF.time(l.pushed_at)))));
    const changes = s.recent_changes;
    SF.fill(document.querySelector('#changes tbody'), changes.map(c => SF.el('tr', {},
      SF.el('td', {}, SF.time(c.as_of)), SF.el('td', {}, c.location), SF.el('td', {class: 'num'}, c.on_hand),
      SF.el('td', {class: 'num'}, c.reserved), SF.el('td', {class: 'num'}, c.available))));
    // Available over the recent changes, oldest first, per location.
    const series = {};
    for (const c of changes.slice().reverse()) (series[c.location] = series[c.location] || []).push(c.available);
    if (changes.length) SF.lineChart($('changes-chart'), series, 'available after each change');
  }).catch(e => { $('sku-id').textContent = sku + ': ' + e.message; });
})();
