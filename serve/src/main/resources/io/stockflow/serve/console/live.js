'use strict';
(() => {
  const $ = id => document.getElementById(id);
  let alertsShown = '';
  let busiestShown = '';

  function render(s) {
    const status = $('status');
    status.textContent = s.status === 'serving' ? 'live' : 'catching up with the topics…';
    status.className = 'status ' + s.status;

    const channels = s.orders_per_second.channels;
    const names = Object.keys(channels);
    $('orders-last-minute').textContent = s.orders_per_second.orders_last_minute;
    const last10 = names.reduce((sum, k) => sum + channels[k].slice(-10).reduce((a, b) => a + b, 0), 0);
    $('orders-per-second').textContent = (last10 / 10).toFixed(1);
    SF.lineChart($('rate-chart'), channels, 'seconds, up to ' + SF.time(s.orders_per_second.last_second));
    SF.legend($('rate-legend'), names);

    const sla = $('sla');
    sla.replaceChildren(...[['ship, today', s.sla.today.ship_breach_rate, s.sla.today.ship_breached, s.sla.today.ship_due],
      ['delivery, today', s.sla.today.delivery_breach_rate, s.sla.today.delivery_breached, s.sla.today.delivery_due],
      ['ship, 7 days', s.sla.last_7_days.ship_breach_rate, s.sla.last_7_days.ship_breached, s.sla.last_7_days.ship_due],
      ['delivery, 7 days', s.sla.last_7_days.delivery_breach_rate, s.sla.last_7_days.delivery_breached,
        s.sla.last_7_days.delivery_due]]
      .map(([label, rate, late, due]) => SF.el('div', {},
        SF.el('span', {class: 'figure'}, SF.pct(rate)),
        SF.el('span', {class: 'label'}, label + ': ' + late + ' of ' + due))));

    $('open-alerts-count').textContent = s.open_alerts.count;
    // Redrawn only when the list changed, so a link stays put while someone reaches for it.
    const alertKey = s.open_alerts.latest.map(a => a.alert_id + '/' + (a.status || '')).join('|');
    if (alertKey !== alertsShown) {
      alertsShown = alertKey;
      SF.fill(document.querySelector('#alerts tbody'), s.open_alerts.latest.map(a => SF.el('tr', {'data-alert-id': a.alert_id},
        SF.el('td', {}, SF.time(a.event_time)),
        SF.el('td', {class: 'sev-' + a.severity}, a.severity),
        SF.el('td', {}, a.type),
        SF.el('td', {}, SF.alertSubject(a)),
        SF.el('td', {}, a.message || ''))));
    }

    $('busiest-window').textContent = 'units ordered, last ' + s.busiest_window_minutes + ' min';
    const busiestKey = JSON.stringify(s.busiest_skus);
    if (busiestKey !== busiestShown) {
      busiestShown = busiestKey;
      const most = Math.max(1, ...s.busiest_skus.map(b => b.on_hand || 0));
      SF.fill(document.querySelector('#busiest tbody'), s.busiest_skus.map(b => SF.el('tr', {'data-sku': b.sku},
        SF.el('td', {}, SF.el('a', {href: SF.skuHref(b.sku)}, b.sku)),
        SF.el('td', {class: 'num'}, b.units_ordered),
        SF.el('td', {class: 'num available'}, b.available ?? '–'),
        SF.el('td', {}, SF.el('div', {class: 'bar' + (b.available === 0 ? ' empty' : ''),
          style: 'width:' + Math.round(100 * Math.max(0, b.available || 0) / most) + 'px'})),
        SF.el('td', {class: 'num'}, b.on_hand ?? '–'),
        SF.el('td', {}, b.listed.length ? b.listed.map(l => l.channel + ' ' + l.quantity).join(', ') : '–'))));
    }
    $('totals').textContent = s.totals.skus + ' SKUs · ' + s.totals.orders + ' orders · ' + s.totals.alerts + ' alerts held';
    document.body.setAttribute('data-updated', s.generated_at);
  }

  SF.getJson('/console/live').then(render).catch(e => { $('status').textContent = 'error: ' + e.message; });
  const events = new EventSource('/console/live/events');
  events.addEventListener('summary', e => render(JSON.parse(e.data)));
  events.onerror = () => { const s = $('status'); s.textContent = 'offline, reconnecting…'; s.className = 'status offline'; };
})();
