'use strict';

// The phone simulator. Everything the resident or the chatbot wrote is put on the page as text
// (text nodes and attributes), never parsed as HTML, and only http(s) links are followed.

const TYPES = {
  text: 'text/plain',
  botMessage: 'application/vnd.gsma.botmessage.v1.0+json',
  suggestions: 'application/vnd.gsma.botsuggestion.v1.0+json',
  file: 'application/vnd.gsma.rcs-ft-http',
};

const DEMO_PHONES = ['13800138000', '13900139000', '13700137000'];

const LOCATION_PRESETS = [
  { label: '第五园三期北门', latitude: 22.6531, longitude: 114.0612 },
  { label: '坂田街道办事处', latitude: 22.6286, longitude: 114.0651 },
  { label: '深圳市民中心', latitude: 22.5431, longitude: 114.0579 },
];

const BOT_STATUS = {
  sent: '已发送',
  delivered: '已送达',
  displayed: '已读',
  deliveredToNetwork: '已转为短信送达',
  failed: '发送失败',
};

const ACTION_ICONS = {
  urlAction: '🔗',
  dialerAction: '📞',
  mapAction: '📍',
  calendarAction: '📅',
  composeAction: '✉️',
  deviceAction: '📱',
};

const state = {
  phone: null,
  renderedKey: '',
  menuKey: '',
  polling: null,
};

const $ = (selector) => document.querySelector(selector);

/** Builds an element; string children become text nodes, so nothing is ever parsed as HTML. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeUrl(value) {
  try {
    const url = new URL(String(value), location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers['content-type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    throw new Error((data && data.error) || (data && data.errorMessage) || `HTTP ${response.status}`);
  }
  return data;
}

const phonePath = (suffix = '') => `/sim/phones/${encodeURIComponent(state.phone)}${suffix}`;

let toastTimer = null;
function toast(message) {
  const node = $('#toast');
  node.textContent = message;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { node.hidden = true; }, 2600);
}

// ---------- time ----------

const timeFormat = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai', hour12: false });
const dayFormat = new Intl.DateTimeFormat('zh-CN', { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'Asia/Shanghai' });

function separatorText(date) {
  const today = dayFormat.format(new Date());
  const day = dayFormat.format(date);
  return (day === today ? '' : day + ' ') + timeFormat.format(date);
}

function tickClock() {
  $('#clock').textContent = timeFormat.format(new Date());
}

// ---------- content helpers ----------

/** The content of a messageList item, with base64 encoding undone. */
function contentOf(item) {
  let content = item.contentText;
  if (item.contentEncoding === 'base64' && typeof content === 'string') {
    try {
      const bytes = Uint8Array.from(atob(content), (c) => c.charCodeAt(0));
      const decoded = new TextDecoder().decode(bytes);
      content = item.contentType === TYPES.text ? decoded : JSON.parse(decoded);
    } catch {
      return null;
    }
  }
  return content;
}

function parseGeo(text) {
  const [head, ...params] = text.slice(4).split(';');
  const [lat, lon] = head.split(',');
  let label = '';
  for (const param of params) {
    if (param.startsWith('rcs-l=')) {
      try { label = decodeURIComponent(param.slice(6).replace(/\+/g, '%2B')); } catch { label = param.slice(6); }
    }
  }
  return { lat, lon, label };
}

function formatSize(bytes) {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ---------- rendering ----------

function locationCard(geo) {
  return el('div', { class: 'location' },
    el('div', { class: 'map', 'aria-hidden': 'true' }, '📍'),
    el('div', { class: 'where' },
      el('div', null, geo.label || '位置'),
      el('div', { class: 'coords' }, `${geo.lat}, ${geo.lon} · GCJ-02`)));
}

function fileView(entries) {
  const list = Array.isArray(entries) ? entries : [];
  const file = list.find((entry) => entry && entry.type === 'file') || {};
  const thumbnail = list.find((entry) => entry && entry.type === 'thumbnail');
  const url = safeUrl(file.url);
  if (url && typeof file.contentType === 'string' && file.contentType.startsWith('image/')) {
    const image = el('img', { class: 'photo', src: url, alt: file.fileName || '图片', loading: 'lazy' });
    const thumbUrl = thumbnail && safeUrl(thumbnail.url);
    image.addEventListener('error', () => {
      if (thumbUrl && image.src !== thumbUrl) image.src = thumbUrl;
    });
    return image;
  }
  const body = el('div', null,
    el('div', { class: 'name' }, file.fileName || '文件'),
    el('div', { class: 'size' }, formatSize(file.fileSize)));
  const node = el('div', { class: 'file' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, '📄'), body);
  if (url) node.append(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'small' }, '打开'));
  return node;
}

function mediaView(media, height) {
  const heightClass = { SHORT_HEIGHT: 'short', MEDIUM_HEIGHT: 'medium', TALL_HEIGHT: 'tall' }[height] || 'medium';
  const url = safeUrl(media.mediaUrl);
  const type = String(media.mediaContentType || '');
  const placeholder = (text) => el('div', { class: `media placeholder ${heightClass}` }, text);
  if (!url) return placeholder('媒体');
  if (type.startsWith('image/')) {
    const image = el('img', { class: `media ${heightClass}`, src: url, alt: media.contentDescription || '', loading: 'lazy' });
    image.addEventListener('error', () => image.replaceWith(placeholder('🖼️ 图片无法加载')));
    return image;
  }
  if (type.startsWith('video/')) {
    return el('video', { class: `media ${heightClass}`, src: url, controls: true, preload: 'none' });
  }
  return placeholder('📎 ' + type);
}

function chipButton(suggestion, seq, options = {}) {
  const kind = suggestion && suggestion.reply ? 'reply' : 'action';
  const chip = suggestion && suggestion[kind];
  if (!chip) return null;
  const actionKind = kind === 'action' ? Object.keys(ACTION_ICONS).find((key) => chip[key]) : null;
  return el('button', {
    type: 'button',
    class: 'chip',
    disabled: options.disabled,
    title: kind === 'action' ? '操作按钮' : '快捷回复',
    onclick: () => tapChip(chip, kind, actionKind, seq, options.menu),
  }, actionKind ? ACTION_ICONS[actionKind] : null, chip.displayText || '');
}

function cardView(content, layout, seq) {
  const horizontal = layout && layout.cardOrientation === 'HORIZONTAL';
  const right = horizontal && layout.imageAlignment === 'RIGHT';
  const card = el('div', { class: 'card' + (horizontal ? ' horizontal' : '') + (right ? ' right' : '') });
  if (content.media) card.append(mediaView(content.media, content.media.height));
  const body = el('div', { class: 'card-body' });
  if (content.title) body.append(el('div', { class: 'card-title' }, content.title));
  if (content.description) body.append(el('div', { class: 'card-desc' }, content.description));
  if (Array.isArray(content.suggestions) && content.suggestions.length) {
    body.append(el('div', { class: 'card-chips' }, content.suggestions.map((s) => chipButton(s, seq))));
  }
  card.append(body);
  return card;
}

function botContent(entry, isLatest, col) {
  const items = (entry.payload && Array.isArray(entry.payload.messageList)) ? entry.payload.messageList : [];
  const listChips = [];
  for (const item of items) {
    const content = contentOf(item);
    if (content === null || content === undefined) continue;
    if (item.contentType === TYPES.text) {
      const text = String(content);
      col.append(text.startsWith('geo:') ? locationCard(parseGeo(text)) : el('div', { class: 'bubble' }, text));
    } else if (item.contentType === TYPES.botMessage) {
      const message = content.message || {};
      if (message.generalPurposeCard) {
        const card = message.generalPurposeCard;
        col.append(cardView(card.content || {}, card.layout, entry.seq));
      } else if (message.generalPurposeCardCarousel) {
        const carousel = message.generalPurposeCardCarousel;
        const width = carousel.layout && carousel.layout.cardWidth === 'SMALL_WIDTH' ? 'small' : 'medium';
        col.classList.add('wide');
        col.append(el('div', { class: `carousel ${width}` },
          (Array.isArray(carousel.content) ? carousel.content : []).map((card) => cardView(card, null, entry.seq))));
      }
    } else if (item.contentType === TYPES.suggestions) {
      listChips.push(...(Array.isArray(content.suggestions) ? content.suggestions : []));
    } else if (item.contentType === TYPES.file) {
      col.append(fileView(content));
    }
  }
  if (listChips.length && isLatest) {
    col.classList.add('wide');
    col.append(el('div', { class: 'chips' }, listChips.map((s) => chipButton(s, entry.seq))));
  }
}

function botMessage(entry, isLatest) {
  if (entry.status === 'revoked') {
    return el('div', { class: 'notice' }, '服务号撤回了一条消息');
  }
  const col = el('div', { class: 'col' });
  if (entry.kind === 'sms') {
    col.append(el('div', { class: 'bubble sms' }, el('div', { class: 'sms-tag' }, '短信'), entry.text || ''));
  } else {
    botContent(entry, isLatest, col);
  }
  const status = BOT_STATUS[entry.status] || entry.status || '';
  col.append(el('div', { class: 'meta' },
    el('span', null, timeFormat.format(new Date(entry.at))),
    el('span', { class: entry.status === 'displayed' ? 'ok' : null }, status)));
  return el('div', { class: 'row bot' }, el('div', { class: 'avatar', 'aria-hidden': 'true' }, '民'), col);
}

function residentMessage(entry) {
  const col = el('div', { class: 'col' });
  const item = entry.payload && Array.isArray(entry.payload.messageList) ? entry.payload.messageList[0] : null;
  const content = item ? contentOf(item) : null;
  if (entry.kind === 'location' && typeof content === 'string' && content.startsWith('geo:')) {
    col.append(locationCard(parseGeo(content)));
  } else if (entry.kind === 'file') {
    col.append(fileView(content));
  } else {
    col.append(el('div', { class: 'bubble' + (entry.kind === 'chip-tap' ? ' tap' : '') }, entry.text || ''));
  }
  let delivery;
  if (entry.pushStatus === undefined || entry.pushStatus === null) {
    delivery = el('span', null, '发送中…');
  } else if (entry.status === 'delivered') {
    delivery = el('span', { class: 'ok' }, '✓ 已送达服务号');
  } else {
    const why = entry.pushStatus === 0 ? '服务号无法连接' : `服务号返回 ${entry.pushStatus}`;
    delivery = el('span', { class: 'bad' }, `✗ 发送失败（${why}）`);
  }
  col.append(el('div', { class: 'meta' }, el('span', null, timeFormat.format(new Date(entry.at))), delivery));
  return el('div', { class: 'row resident' }, col);
}

function renderTranscript(entries, forceScroll) {
  const list = $('#messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  const visibleBots = entries.filter((entry) => entry.from === 'bot' && entry.status !== 'revoked');
  const latestBotSeq = visibleBots.length ? visibleBots[visibleBots.length - 1].seq : -1;
  const nodes = [];
  let previous = null;
  for (const entry of entries) {
    const at = new Date(entry.at);
    if (!previous || at - previous > 5 * 60 * 1000) nodes.push(el('div', { class: 'time-sep' }, separatorText(at)));
    previous = at;
    nodes.push(entry.from === 'bot' ? botMessage(entry, entry.seq === latestBotSeq) : residentMessage(entry));
  }
  if (!nodes.length) nodes.push(el('div', { class: 'empty' }, '还没有消息。给服务号发条消息试试，例如“小区门口的路灯坏了”。'));
  list.replaceChildren(...nodes);
  if (nearBottom || forceScroll) list.scrollTop = list.scrollHeight;
}

// ---------- polling ----------

async function refreshTranscript(forceScroll = false) {
  if (!state.phone) return;
  const phone = state.phone;
  try {
    const entries = await api('GET', phonePath('/transcript'));
    if (phone !== state.phone) return;
    const key = JSON.stringify(entries.map((e) => [e.seq, e.status, e.pushStatus]));
    if (key !== state.renderedKey || forceScroll) {
      state.renderedKey = key;
      renderTranscript(entries, forceScroll);
    }
  } catch (error) {
    toast('读取会话失败：' + error.message);
  }
}

async function refreshMenu() {
  try {
    const body = await api('GET', '/sim/menu');
    const key = JSON.stringify(body);
    if (key === state.menuKey) return;
    state.menuKey = key;
    renderMenu(body && body.menu && Array.isArray(body.menu.entries) ? body.menu.entries : []);
  } catch {
    // the menu bar simply stays as it is until the next poll
  }
}

function renderMenu(entries) {
  const bar = $('#menu-bar');
  const submenu = $('#submenu');
  submenu.hidden = true;
  bar.replaceChildren();
  bar.hidden = entries.length === 0;
  for (const entry of entries) {
    if (entry && entry.menu) {
      const button = el('button', { type: 'button' }, '☰ ', entry.menu.displayText || '');
      button.addEventListener('click', () => openSubmenu(button, Array.isArray(entry.menu.entries) ? entry.menu.entries : []));
      bar.append(button);
    } else {
      const chip = entry && (entry.reply || entry.action);
      if (!chip) continue;
      const kind = entry.reply ? 'reply' : 'action';
      const actionKind = kind === 'action' ? Object.keys(ACTION_ICONS).find((key) => chip[key]) : null;
      bar.append(el('button', { type: 'button', onclick: () => tapChip(chip, kind, actionKind, null, true) },
        chip.displayText || ''));
    }
  }
}

function openSubmenu(anchor, entries) {
  const submenu = $('#submenu');
  if (!submenu.hidden && submenu.dataset.owner === anchor.textContent) {
    submenu.hidden = true;
    return;
  }
  submenu.dataset.owner = anchor.textContent;
  submenu.replaceChildren(...entries.map((entry) => {
    const kind = entry && entry.reply ? 'reply' : 'action';
    const chip = entry && entry[kind];
    if (!chip) return null;
    const actionKind = kind === 'action' ? Object.keys(ACTION_ICONS).find((key) => chip[key]) : null;
    return el('button', {
      type: 'button',
      onclick: () => { submenu.hidden = true; tapChip(chip, kind, actionKind, null, true); },
    }, chip.displayText || '');
  }).filter(Boolean));
  const screen = document.querySelector('.screen').getBoundingClientRect();
  const box = anchor.getBoundingClientRect();
  submenu.style.left = `${Math.max(8, box.left - screen.left + box.width / 2 - 60)}px`;
  submenu.hidden = false;
}

async function refreshPanel() {
  try {
    const [phones, stats, faults] = await Promise.all([
      api('GET', '/sim/phones'), api('GET', '/sim/stats'), api('GET', '/sim/faults')]);
    renderPhones(phones);
    renderStats(stats, faults);
  } catch {
    // the panel keeps its last figures until the mock answers again
  }
}

function renderPhones(phones) {
  const list = $('#phone-list');
  const datalist = $('#known-phones');
  datalist.replaceChildren(...phones.map((p) => el('option', { value: p.phone })));
  if (!phones.length) {
    list.replaceChildren(el('li', { class: 'muted' }, '暂无'));
    return;
  }
  list.replaceChildren(...phones.map((p) => el('li', null,
    el('button', { type: 'button', class: p.phone === state.phone ? 'active' : null, onclick: () => selectPhone(p.phone) },
      el('span', null, p.phone.replace(/^tel:/, ''), p.smsOnly ? el('span', { class: 'tag-sms' }, '仅短信') : null),
      el('span', { class: 'count' }, `${p.messages} 条`)))));
}

function renderStats(stats, faults) {
  const rows = [
    ['获取令牌', stats.tokenCalls],
    ['接受下发', stats.sendsAccepted],
    ['拒绝下发', stats.sendsRejectedTotal],
    ['重复下发（已去重）', stats.duplicateSends],
    ['注入故障', stats.faultsInjected],
    ['推送成功 / 失败', `${stats.pushesSent} / ${stats.pushesFailed}`],
  ];
  $('#stats').replaceChildren(...rows.flatMap(([name, value]) => [el('dt', null, name), el('dd', null, value)]));
  const active = [];
  if (faults.latencyMs) active.push(`延迟 ${faults.latencyMs} ms`);
  if (faults.failureRate) active.push(`失败率 ${Math.round(faults.failureRate * 100)}%`);
  if (faults.timeoutRate) active.push(`超时率 ${Math.round(faults.timeoutRate * 100)}%`);
  if (faults.quotaPerSecond) active.push(`限流 ${faults.quotaPerSecond} 条/秒`);
  const banner = $('#fault-banner');
  banner.hidden = active.length === 0;
  banner.textContent = active.length
    ? '⚠ 故障注入中：' + active.join('，') + (faults.remainingMs ? `（${Math.ceil(faults.remainingMs / 1000)} 秒后恢复）` : '')
    : '';
}

// ---------- actions ----------

async function selectPhone(raw) {
  const value = String(raw || '').trim();
  if (!value) return;
  try {
    const mode = await api('GET', `/sim/phones/${encodeURIComponent(value)}/mode`);
    state.phone = mode.phone;
    state.renderedKey = '';
    $('#phone-input').value = mode.phone.replace(/^tel:/, '');
    history.replaceState(null, '', '#' + encodeURIComponent(mode.phone));
    localStorage.setItem('mock-carrier.phone', mode.phone);
    showMode(mode.smsOnly);
    document.querySelectorAll('#demo-phones .pill').forEach((pill) => {
      pill.classList.toggle('active', 'tel:+86' + pill.textContent === mode.phone);
    });
    $('#messages').replaceChildren();
    await refreshTranscript(true);
    refreshPanel();
  } catch (error) {
    toast(error.message);
  }
}

function showMode(smsOnly) {
  $('#sms-only').checked = smsOnly;
  const badge = $('#mode-badge');
  badge.textContent = smsOnly ? '仅短信' : '5G消息';
  badge.classList.toggle('sms', smsOnly);
  $('#text').placeholder = smsOnly ? '短信' : '5G消息';
}

function requirePhone() {
  if (!state.phone) {
    toast('请先选择一个手机号码');
    return false;
  }
  return true;
}

async function resident(path, body) {
  if (!requirePhone()) return;
  setTimeout(() => refreshTranscript(true), 120);
  try {
    const result = await api('POST', phonePath(path), body);
    if (result && (result.status < 200 || result.status >= 300)) {
      toast(result.status === 0 ? '服务号无法连接：' + (result.error || '') : `服务号返回 HTTP ${result.status}`);
    }
  } catch (error) {
    toast(error.message);
  }
  refreshTranscript(true);
}

function tapChip(chip, kind, actionKind, seq, fromMenu) {
  if (!requirePhone()) return;
  const data = chip.postback && chip.postback.data;
  const body = { text: chip.displayText };
  if (data) body.postback = data;
  if (seq !== null && seq !== undefined) body.seq = seq;
  if (fromMenu) body.menu = true;
  resident('/tap', body);
  if (kind === 'action') performAction(chip, actionKind);
}

/** What the phone itself does for an action chip, besides telling the chatbot it was tapped. */
function performAction(chip, actionKind) {
  const action = chip[actionKind] || {};
  if (actionKind === 'urlAction') {
    const url = safeUrl(action.openUrl && action.openUrl.url);
    if (url) window.open(url, '_blank', 'noopener,noreferrer');
    else toast('链接无效');
  } else if (actionKind === 'dialerAction') {
    const dial = action.dialPhoneNumber || action.dialEnrichedCall || action.dialVideoCall || {};
    toast(`正在拨打 ${dial.phoneNumber || ''}（模拟）`);
  } else if (actionKind === 'mapAction') {
    if (action.requestLocationPush) {
      openLocationSheet();
    } else {
      const where = (action.showLocation && action.showLocation.location) || {};
      toast(`地图：${where.label || ''} ${where.latitude ?? ''}, ${where.longitude ?? ''}`);
    }
  } else if (actionKind === 'calendarAction') {
    toast('已添加到日历（模拟）');
  } else if (actionKind === 'deviceAction') {
    toast('已共享设备信息（模拟）');
  } else if (actionKind === 'composeAction') {
    toast('打开编辑器（模拟）');
  }
}

function openLocationSheet() {
  $('#attach-sheet').hidden = true;
  $('#location-sheet').hidden = false;
}

function sendPhoto(file) {
  if (!file || !requirePhone()) return;
  if (file.size > 10 * 1024 * 1024) {
    toast('文件过大（最大 10 MB）');
    return;
  }
  const reader = new FileReader();
  reader.addEventListener('load', () => {
    const dataUrl = String(reader.result);
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    resident('/file', { fileName: file.name, contentType: file.type || 'application/octet-stream', base64 });
  });
  reader.readAsDataURL(file);
}

// ---------- wiring ----------

function wire() {
  $('#demo-phones').append(...DEMO_PHONES.map((number) =>
    el('button', { type: 'button', class: 'pill', onclick: () => selectPhone(number) }, number)));
  $('#location-presets').append(...LOCATION_PRESETS.map((preset) =>
    el('button', {
      type: 'button',
      class: 'pill',
      onclick: () => {
        $('#lat').value = preset.latitude;
        $('#lon').value = preset.longitude;
        $('#loc-label').value = preset.label;
      },
    }, preset.label)));

  $('#phone-form').addEventListener('submit', (event) => {
    event.preventDefault();
    selectPhone($('#phone-input').value);
  });

  $('#composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('#text');
    const text = input.value.trim();
    if (!text || !requirePhone()) return;
    input.value = '';
    resident('/text', { text });
  });

  $('#attach').addEventListener('click', () => {
    $('#location-sheet').hidden = true;
    $('#attach-sheet').hidden = !$('#attach-sheet').hidden;
  });
  $('#pick-photo').addEventListener('click', () => $('#photo-input').click());
  $('#photo-input').addEventListener('change', (event) => {
    sendPhoto(event.target.files[0]);
    event.target.value = '';
    $('#attach-sheet').hidden = true;
  });
  $('#open-location').addEventListener('click', openLocationSheet);
  $('#cancel-location').addEventListener('click', () => { $('#location-sheet').hidden = true; });
  $('#location-sheet').addEventListener('submit', (event) => {
    event.preventDefault();
    const latitude = Number($('#lat').value);
    const longitude = Number($('#lon').value);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      toast('请输入有效的经纬度');
      return;
    }
    $('#location-sheet').hidden = true;
    resident('/location', { latitude, longitude, label: $('#loc-label').value.trim() });
  });

  $('#sms-only').addEventListener('change', async (event) => {
    if (!requirePhone()) {
      event.target.checked = false;
      return;
    }
    try {
      const mode = await api('PUT', phonePath('/mode'), { smsOnly: event.target.checked });
      showMode(mode.smsOnly);
      toast(mode.smsOnly ? '已切换为仅支持短信的手机' : '已切换为 5G 消息手机');
      refreshPanel();
    } catch (error) {
      toast(error.message);
    }
  });

  $('#clear-chat').addEventListener('click', async () => {
    if (!requirePhone()) return;
    await api('DELETE', phonePath());
    state.renderedKey = '';
    refreshTranscript(true);
    refreshPanel();
  });

  $('#url-check').addEventListener('click', async () => {
    const out = $('#url-check-result');
    out.textContent = '校验中…';
    try {
      const result = await api('POST', '/sim/url-check');
      out.className = 'small ' + (result.passed ? 'check-ok' : 'check-bad');
      out.textContent = result.passed
        ? `✓ 通过：HTTP ${result.status}，echoStr 一致，appId ${result.appId}`
        : `✗ 未通过：HTTP ${result.status}` + (result.error ? `，${result.error}` : '')
          + (result.status ? `，echoStr ${result.echoStrMatches ? '一致' : '不一致'}，appId ${result.appIdMatches ? '正确' : '不正确'}` : '');
    } catch (error) {
      out.className = 'small check-bad';
      out.textContent = error.message;
    }
  });

  document.addEventListener('click', (event) => {
    const submenu = $('#submenu');
    if (!submenu.hidden && !submenu.contains(event.target) && !$('#menu-bar').contains(event.target)) {
      submenu.hidden = true;
    }
  });
}

async function start() {
  wire();
  tickClock();
  setInterval(tickClock, 15000);
  try {
    const info = await api('GET', '/sim/info');
    $('#chatbot-uri').textContent = info.chatbotUri;
    $('#notify-url').textContent = info.notifyUrl;
    $('#bot-sub').textContent = info.chatbotUri;
  } catch (error) {
    toast('无法连接模拟平台：' + error.message);
  }
  const fromHash = location.hash ? decodeURIComponent(location.hash.slice(1)) : null;
  await selectPhone(fromHash || localStorage.getItem('mock-carrier.phone') || DEMO_PHONES[0]);
  refreshMenu();
  refreshPanel();
  setInterval(() => refreshTranscript(false), 1000);
  setInterval(refreshMenu, 3000);
  setInterval(refreshPanel, 3000);
}

start();
