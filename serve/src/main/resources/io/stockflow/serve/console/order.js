'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const id = SF.subject();
  $('order-id').textContent = id;
  document.title = 'stockflow: order ' + id;

  function what(e) {
    const r = e.record;
    switch (e.kind) {
      case 'order_event': return r.type + (r.status ? ' (' + r.status + ')' : '');
      case 'decision': return r.decision + (r.reason ? ': ' + r.reason : '');
      case 'notification': return r.type + (r.template ? ' (' + r.template + ')' : '');
      case 'alert': return r.severity + ' ' + r.type + (r.message ? ': ' + r.message : '');
      default: return '';
    }
  }

  SF.getJson('/orders/' + encodeURIComponent(id)).then(o => {
    const facts = [['channel', o.channel], ['marketplace order', o.marketplace_order_id],
      ['stage', o.stage ? o.stage.name + ' since ' + SF.time(o.stage.since) : undefined],
      ['ship by', SF.time(o.deadlines.ship_by)], ['deliver by', SF.time(o.deadlines.deliver_by)]]
      .filter(([, v]) => v);
    $('order-facts').replaceChildren(...facts.flatMap(([k, v]) => [SF.el('dt', {}, k), SF.el('dd', {id: 'fact-' + k.replace(/ /g, '-')}, v)]));
    SF.fill(document.querySelector('#timeline tbody'), o.timeline.map(e => {
      const lines = (e.record.lines || e.record.allocations || []);
      const skus = lines.map(l => SF.el('a', {href: SF.skuHref(l.sku)}, l.sku + ' ×' + l.quantity + (l.location ? ' @' + l.location : '')));
      const details = SF.el('td', {});
      skus.forEach((a, i) => { if (i) details.appendChild(document.createTextNode(', ')); details.appendChild(a); });
      return SF.el('tr', {class: 'kind-' + e.kind},
        SF.el('td', {}, SF.time(e.event_time)), SF.el('td', {}, e.kind), SF.el('td', {}, what(e)), details);
    }));
  }).catch(e => { $('order-facts').replaceChildren(SF.el('p', {}, e.message)); });
})();
