// The search page: queries Pagefind's index in the browser, with filters by
// tag, source and year and a date order. The query and choices live in the
// address (?q=kyiv&tag=Ukraine&sort=newest), so a search can be linked to.
// Plain JavaScript served as it is (type-checked against the DOM by
// tsconfig.browser.json); every text from the index is inserted as
// text, never as HTML.

/**
 * What this page uses of a part's Pagefind bundle (its `pagefind.js`).
 * @typedef {Record<string, Record<string, number>>} FilterCounts  filter name → value → number of articles
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string | undefined> }} ResultData
 * @typedef {{ score: number, data: () => Promise<ResultData> }} Result
 * @typedef {{ filters?: Record<string, { any: string[] }>, sort?: { date: 'asc' | 'desc' } }} SearchOptions
 * @typedef {{
 *   options(options: { excerptLength: number }): Promise<void>,
 *   init(): Promise<void>,
 *   filters(): Promise<FilterCounts>,
 *   search(query: string | null, options: SearchOptions): Promise<{ results: Result[] } | null>,
 * }} PagefindPart
 * @typedef {{ query: string, sort: string, filters: Record<string, string[]> }} SearchState
 * @typedef {Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }} PluralMessage
 * @typedef {{
 *   unavailable: string,
 *   filters: Record<string, { label: string, legend: string }>,
 *   found: PluralMessage, foundFor: PluralMessage, none: string, noneFor: string, more: string,
 * }} Words  what this script writes, in the site's language (`scriptWords` of the search page)
 */

/**
 * The element the page must have, of the kind this script needs.
 * @template {Element} T
 * @param {string} selector
 * @param {{ new (): T }} kind
 * @returns {T}
 */
function required(selector, kind) {
  const element = document.querySelector(selector);
  if (!(element instanceof kind)) throw new Error(`the search page has no ${selector}`);
  return element;
}

const form = required('[data-search-form]', HTMLFormElement);
const input = required('[data-search-input]', HTMLInputElement);
const sortSelect = required('[data-search-sort]', HTMLSelectElement);
const options = required('[data-search-options]', HTMLElement);
const filterBox = required('[data-search-filters]', HTMLElement);
const statusLine = required('[data-search-status]', HTMLElement);
const resultList = required('[data-search-results]', HTMLElement);

/** @type {Words} */
const words = JSON.parse(form.dataset.words ?? '{}');
const language = document.documentElement.lang || 'en';
const plurals = new Intl.PluralRules(language);
const numbers = new Intl.NumberFormat(language);

/**
 * A message with its `{count}` and `{query}` filled in; the plural form chosen by the count, as the site's pages choose it.
 * @param {string | PluralMessage} message
 * @param {{ count?: number, query?: string }} params
 */
function say(message, { count = 0, query = '' }) {
  const pattern = typeof message === 'string' ? message : (message[plurals.select(count)] ?? message.other);
  return pattern.replaceAll('{count}', numbers.format(count)).replaceAll('{query}', query);
}

/** Filters offered, by Pagefind filter name, with their labels and legends. */
const filterWords = words.filters;
const filterNames = Object.keys(filterWords);
/** Results shown at a time: as many as a page of the site's lists. */
const resultsPerPage = Number(form.dataset.resultsPerPage) || 20;

/**
 * The index comes in parts by time, newest first (a year, or a quarter or
 * month of a busy year): each part is its own Pagefind bundle, loaded as its
 * own module, and searches ask every part and merge their answers.
 */
/** @type {PagefindPart[]} */
let parts = [];
let searchNumber = 0;
/** The site's root, relative to this page (Pagefind's result URLs start at the root). */
const siteRoot = new URL(form.dataset.siteRoot ?? '../', document.baseURI);

async function start() {
  // The page gives each part's address, relative to itself.
  const addresses = (form.dataset.searchIndexes ?? '').split(' ').filter(Boolean);
  try {
    parts = await Promise.all(
      addresses.map(async (address) => {
        /** @type {PagefindPart} */
        const pagefind = await import(new URL(address, document.baseURI).href);
        await pagefind.options({ excerptLength: 30 });
        await pagefind.init();
        return pagefind;
      }),
    );
  } catch {
    statusLine.textContent = words.unavailable;
    return;
  }
  const state = readAddress();
  input.value = state.query;
  sortSelect.value = state.sort;
  renderFilters(mergeCounts(await Promise.all(parts.map((part) => part.filters()))), state.filters);
  options.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch();
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(runSearch, 250);
  });
  sortSelect.addEventListener('change', runSearch);
  filterBox.addEventListener('change', runSearch);
  if (state.query || hasFilters(state.filters)) runSearch();
}

/** @returns {SearchState} */
function readAddress() {
  const params = new URLSearchParams(location.search);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const name of filterNames) filters[name] = params.getAll(name);
  const sort = params.get('sort') ?? '';
  return { query: params.get('q') ?? '', sort: ['newest', 'oldest'].includes(sort) ? sort : '', filters };
}

/** @returns {SearchState} */
function currentState() {
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const name of filterNames) {
    filters[name] = [...filterBox.querySelectorAll(`input[data-filter="${name}"]:checked`)].map((box) => /** @type {HTMLInputElement} */ (box).value);
  }
  return { query: input.value.trim(), sort: sortSelect.value, filters };
}

/** @param {SearchState} state */
function writeAddress(state) {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort) params.set('sort', state.sort);
  for (const [name, values] of Object.entries(state.filters)) for (const value of values) params.append(name, value);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

/** @param {Record<string, string[]>} filters */
const hasFilters = (filters) => Object.values(filters).some((values) => values.length > 0);

/**
 * Filter counts of every part, added up: { tag: { Ukraine: 12 } }.
 * @param {FilterCounts[]} countsOfParts
 * @returns {FilterCounts}
 */
function mergeCounts(countsOfParts) {
  /** @type {FilterCounts} */
  const merged = {};
  for (const counts of countsOfParts) {
    for (const [name, values] of Object.entries(counts)) {
      merged[name] ??= {};
      const sum = merged[name];
      for (const [value, count] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + count;
    }
  }
  return merged;
}

/**
 * One search over every part. By date, the parts' own sorted lists follow
 * one another (parts are periods, newest first); by relevance, all results
 * are ordered by score.
 * @param {string | null} query
 * @param {SearchOptions} options
 * @returns {Promise<Result[] | null>}
 */
async function searchParts(query, options) {
  const found = await Promise.all(parts.map((part) => part.search(query, options)));
  /** @type {Result[][]} */
  const lists = [];
  for (const search of found) {
    if (!search) return null;
    lists.push(search.results);
  }
  if (options.sort?.date === 'desc') return lists.flat();
  if (options.sort?.date === 'asc') return lists.reverse().flat();
  return lists.flat().sort((a, b) => b.score - a.score);
}

/**
 * One group of checkboxes per filter, values by number of articles, most first.
 * @param {FilterCounts} available
 * @param {Record<string, string[]>} chosen
 */
function renderFilters(available, chosen) {
  for (const [name, { label, legend: legendText }] of Object.entries(filterWords)) {
    const counts = Object.entries(available[name] ?? {}).sort((a, b) => (name === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0])));
    if (counts.length === 0) continue;
    const group = document.createElement('details');
    group.className = 'search-filter';
    const chosenValues = chosen[name] ?? [];
    if (chosenValues.length > 0) group.open = true;
    const summary = document.createElement('summary');
    summary.textContent = label;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = legendText;
    fieldset.append(legend);
    for (const [value, count] of counts) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = value;
      box.dataset.filter = name;
      box.checked = chosenValues.includes(value);
      const choice = document.createElement('label');
      choice.append(box, ` ${value} `);
      const number = document.createElement('span');
      number.className = 'count';
      number.textContent = numbers.format(count);
      choice.append(number);
      fieldset.append(choice);
    }
    group.append(summary, fieldset);
    filterBox.append(group);
  }
}

async function runSearch() {
  const state = currentState();
  writeAddress(state);
  const number = ++searchNumber;
  if (!state.query && !hasFilters(state.filters)) {
    resultList.replaceChildren();
    statusLine.textContent = '';
    return;
  }
  /** @type {NonNullable<SearchOptions['filters']>} */
  const filters = {};
  for (const [name, values] of Object.entries(state.filters)) if (values.length > 0) filters[name] = { any: values };
  /** @type {SearchOptions['sort']} */
  const sort = state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : undefined;
  // Without words, Pagefind lists everything the filters allow (query null).
  const results = await searchParts(state.query || null, { filters, sort });
  if (number !== searchNumber || !results) return; // a newer search has started
  // The count and the first results appear together, once the results' data has arrived.
  const firstPage = await Promise.all(results.slice(0, resultsPerPage).map((result) => result.data()));
  if (number !== searchNumber) return;
  resultList.replaceChildren();
  const query = state.query;
  const count = results.length;
  statusLine.textContent = count === 0 ? say(query ? words.noneFor : words.none, { query }) : say(query ? words.foundFor : words.found, { count, query });
  showResults(results, firstPage, 0, number);
}

/**
 * Appends a page of results (`shown`, the data of those from `from` on), with a button for the next page.
 * @param {Result[]} results
 * @param {ResultData[]} shown
 * @param {number} from
 * @param {number} number  the search these results are of
 */
function showResults(results, shown, from, number) {
  document.querySelector('[data-search-more]')?.remove();
  for (const data of shown) resultList.append(resultItem(data));
  if (from + resultsPerPage < results.length) {
    const more = document.createElement('button');
    more.type = 'button';
    more.dataset.searchMore = '';
    more.className = 'search-more';
    more.textContent = words.more;
    more.addEventListener('click', async () => {
      const next = from + resultsPerPage;
      const page = await Promise.all(results.slice(next, next + resultsPerPage).map((result) => result.data()));
      if (number === searchNumber) showResults(results, page, next, number);
    });
    resultList.after(more);
  }
}

/** @param {ResultData} data */
function resultItem(data) {
  const item = document.createElement('li');
  const summary = document.createElement('article');
  summary.className = 'summary';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  // Pagefind's URLs start at the site's root, which the page gives relative to itself.
  link.href = new URL(data.url.replace(/^\//, ''), siteRoot).href;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [data.meta.date, data.meta.source].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...withoutHeadline(highlighted(data.excerpt), link.textContent ?? ''));
  summary.append(heading, meta, excerpt);
  item.append(summary);
  return item;
}

/**
 * A match in the headline gives an excerpt that starts with the headline, or with its end ("to Allow
 * NATO-Like Security Agreement for Ukraine."), which the result shows already above: that start is
 * left out, when it is at least two words of the headline.
 * @param {Node[]} nodes  the excerpt's text and marks
 * @param {string} headline
 * @returns {Node[]}
 */
function withoutHeadline(nodes, headline) {
  const words = headline.split(/\s+/).filter(Boolean);
  const text = nodes.map((node) => node.textContent ?? '').join('');
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  let start = null;
  for (let from = 0; from <= words.length - 2 && !start; from++) {
    start = new RegExp(`^\\s*${escaped.slice(from).join('\\s+')}[\\s.:;,!?–—-]*`, 'i').exec(text);
  }
  if (!start) return nodes;
  let cut = start[0].length;
  const kept = [];
  for (const node of nodes) {
    const length = node.textContent?.length ?? 0;
    if (cut >= length) {
      cut -= length;
      continue;
    }
    if (cut > 0) node.textContent = (node.textContent ?? '').slice(cut);
    cut = 0;
    kept.push(node);
  }
  return kept;
}

/**
 * Pagefind's excerpt is HTML with <mark> around the words found; keep the text and the marks, nothing else.
 * @param {string} excerptHtml
 */
function highlighted(excerptHtml) {
  const parsed = new DOMParser().parseFromString(`<body>${excerptHtml}`, 'text/html');
  return [...parsed.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

start();
