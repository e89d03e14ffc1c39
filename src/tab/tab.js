/*
 * The situational-picture tab (served at /tab) and its configuration page (/tab/config), plain
 * browser JavaScript without a bundler. Needs @microsoft/teams-js's UMD bundle at /tab/teams-js.js,
 * which defines the global `microsoftTeams`.
 *
 * Data: GET /api/tab/forum?channelId=…|chatId=…[&teamId=…]&locale=fi|sv|en[&status=…]
 *   with the header  Authorization: Bearer <Teams SSO token from authentication.getAuthToken()>.
 *   channelId in a channel tab, chatId in a group-chat tab, neither in the personal tab (the server
 *   then picks from the signed-in user's forums). teamId is the team's Microsoft 365 group id.
 *   status: "open" (the default: avoin and kaynnissa), "all", or one status; open actions come by
 *   due date, then closed ones (valmis, peruttu) newest first. The page loads the default view and
 *   asks for "all", "valmis" or "peruttu" when the user picks one.
 *   200 → {
 *     forum: { name: string },
 *     digest?: {                     // the forum's latest situational picture, if any; only in
 *                                    // the default view
 *       title: string,               // already in the requested locale
 *       compiledAt: string,          // ISO 8601 date-time
 *       lines: string[]              // summary lines, already in the requested locale
 *     },
 *     actions: [{
 *       id: string,                  // e.g. "ANK-2026-014"
 *       title: string,
 *       owner: string | null,        // a person or organisation as text
 *       dueDate: string | null,      // "YYYY-MM-DD"
 *       status: "avoin" | "kaynnissa" | "valmis" | "peruttu",
 *       overdue: boolean             // decided by the server (Europe/Helsinki)
 *     }]
 *   }
 *   401/403 → the token was not accepted; 404 → no forum for this conversation; 400 → a status
 *   the server does not know.
 *
 * Everything the page shows is set with textContent: names and titles come from users.
 */
/* global document, window, URLSearchParams */
(function (root) {
  'use strict';

  var NOT_IN_TEAMS = 'Avaa tämä välilehti Teamsissa / Open this tab in Teams / Öppna fliken i Teams';
  var INIT_TIMEOUT_MS = 5000;
  var STATUSES = ['avoin', 'kaynnissa', 'valmis', 'peruttu'];
  var OPEN_STATUSES = ['avoin', 'kaynnissa'];
  var DATE_LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

  var MESSAGES = {
    fi: {
      title: 'Tilannekuva',
      loading: 'Ladataan…',
      skip: 'Siirry sisältöön',
      'digest.heading': 'Viimeisin tilannekuva',
      'digest.none': 'Foorumille ei ole vielä koottu tilannekuvaa.',
      'digest.compiled': 'Koottu {date}',
      'actions.heading': 'Toimenpiteet',
      'actions.summary': 'Avoimia {open}, joista myöhässä {overdue}.',
      'actions.count': 'Näytetään {shown}/{total} toimenpidettä.',
      'actions.empty': 'Näillä ehdoilla ei löytynyt toimenpiteitä.',
      'filters.label': 'Suodata toimenpiteitä',
      'filter.status': 'Tila',
      'filter.status.open': 'Avoimet ja käynnissä olevat',
      'filter.status.all': 'Kaikki',
      'filter.overdue': 'Vain myöhässä olevat',
      'filter.owner': 'Vastuuhenkilö sisältää',
      'column.id': 'Tunnus',
      'column.title': 'Toimenpide',
      'column.owner': 'Vastuuhenkilö',
      'column.dueDate': 'Määräaika',
      'column.status': 'Tila',
      'status.avoin': 'avoin',
      'status.kaynnissa': 'käynnissä',
      'status.valmis': 'valmis',
      'status.peruttu': 'peruttu',
      overdue: 'Myöhässä',
      noOwner: 'ei nimetty',
      noDueDate: 'ei määräaikaa',
      'error.auth':
        'Kirjautuminen Teamsiin ei onnistunut, joten tietoja ei voi näyttää. Avaa välilehti uudelleen.',
      'error.noForum': 'Tähän keskusteluun ei ole liitetty yhteistyöfoorumia.',
      'error.load': 'Tietojen lataaminen epäonnistui.',
      retry: 'Yritä uudelleen',
      'config.intro':
        'Välilehti näyttää tämän kanavan tai keskustelun foorumin tilannekuvan sekä avoimet ja myöhässä olevat toimenpiteet. Lisää välilehti valitsemalla Tallenna.',
    },
    sv: {
      title: 'Lägesbild',
      loading: 'Laddar…',
      skip: 'Hoppa till innehållet',
      'digest.heading': 'Senaste lägesbild',
      'digest.none': 'Ingen lägesbild har ännu sammanställts för forumet.',
      'digest.compiled': 'Sammanställd {date}',
      'actions.heading': 'Åtgärder',
      'actions.summary': '{open} öppna, varav {overdue} försenade.',
      'actions.count': 'Visar {shown} av {total} åtgärder.',
      'actions.empty': 'Inga åtgärder motsvarar filtren.',
      'filters.label': 'Filtrera åtgärder',
      'filter.status': 'Status',
      'filter.status.open': 'Öppna och pågående',
      'filter.status.all': 'Alla',
      'filter.overdue': 'Endast försenade',
      'filter.owner': 'Ansvarig innehåller',
      'column.id': 'Id',
      'column.title': 'Åtgärd',
      'column.owner': 'Ansvarig',
      'column.dueDate': 'Deadline',
      'column.status': 'Status',
      'status.avoin': 'öppen',
      'status.kaynnissa': 'pågår',
      'status.valmis': 'klar',
      'status.peruttu': 'inställd',
      overdue: 'Försenad',
      noOwner: 'inte utsedd',
      noDueDate: 'ingen deadline',
      'error.auth': 'Inloggningen i Teams misslyckades, så uppgifterna kan inte visas. Öppna fliken på nytt.',
      'error.noForum': 'Inget samarbetsforum är kopplat till den här konversationen.',
      'error.load': 'Det gick inte att läsa in uppgifterna.',
      retry: 'Försök igen',
      'config.intro':
        'Fliken visar lägesbilden och de öppna och försenade åtgärderna för forumet i den här kanalen eller chatten. Lägg till fliken genom att välja Spara.',
    },
    en: {
      title: 'Situational picture',
      loading: 'Loading…',
      skip: 'Skip to content',
      'digest.heading': 'Latest situational picture',
      'digest.none': 'No situational picture has been compiled for this forum yet.',
      'digest.compiled': 'Compiled on {date}',
      'actions.heading': 'Actions',
      'actions.summary': '{open} open, {overdue} of them overdue.',
      'actions.count': 'Showing {shown} of {total} actions.',
      'actions.empty': 'No actions match these filters.',
      'filters.label': 'Filter actions',
      'filter.status': 'Status',
      'filter.status.open': 'Open and in progress',
      'filter.status.all': 'All',
      'filter.overdue': 'Overdue only',
      'filter.owner': 'Owner contains',
      'column.id': 'Id',
      'column.title': 'Action',
      'column.owner': 'Owner',
      'column.dueDate': 'Due date',
      'column.status': 'Status',
      'status.avoin': 'open',
      'status.kaynnissa': 'in progress',
      'status.valmis': 'done',
      'status.peruttu': 'cancelled',
      overdue: 'Overdue',
      noOwner: 'not named',
      noDueDate: 'no due date',
      'error.auth':
        'Signing in to Teams did not succeed, so the information cannot be shown. Please open the tab again.',
      'error.noForum': 'No cooperation forum is linked to this conversation.',
      'error.load': 'Loading the information failed.',
      retry: 'Try again',
      'config.intro':
        "The tab shows the situational picture and the open and overdue actions of this channel's or chat's forum. Select Save to add it.",
    },
  };

  /** fi, sv or en from a Teams locale such as "sv-FI" or "en-us"; Finnish otherwise, like the app. */
  function pickLocale(tag) {
    var language = String(tag || '')
      .toLowerCase()
      .split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(MESSAGES, language) ? language : 'fi';
  }

  function translator(locale) {
    var messages = MESSAGES[locale] || MESSAGES.fi;
    return function (key, values) {
      var text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
      return text.replace(/\{(\w+)\}/g, function (match, name) {
        return values && values[name] !== undefined ? String(values[name]) : match;
      });
    };
  }

  /** Teams themes are default, dark and contrast; anything else falls back to default. */
  function pickTheme(theme) {
    return theme === 'dark' || theme === 'contrast' ? theme : 'default';
  }

  function fold(text) {
    return String(text || '')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  }

  /** filters: { status: 'open' | 'all' | one of STATUSES, overdueOnly: boolean, owner: string } */
  function filterActions(actions, filters) {
    var owner = fold(filters.owner).trim();
    return actions.filter(function (action) {
      if (filters.status === 'open' && OPEN_STATUSES.indexOf(action.status) < 0) return false;
      if (STATUSES.indexOf(filters.status) >= 0 && action.status !== filters.status) return false;
      if (filters.overdueOnly && !action.overdue) return false;
      if (owner && fold(action.owner).indexOf(owner) < 0) return false;
      return true;
    });
  }

  function isOpen(action) {
    return OPEN_STATUSES.indexOf(action.status) >= 0;
  }

  /**
   * Open actions first: overdue first, then by due date (none last), then by id. Closed ones
   * after them in the server's order, which is newest first.
   */
  function sortActions(actions) {
    return actions.slice().sort(function (a, b) {
      if (isOpen(a) !== isOpen(b)) return isOpen(a) ? -1 : 1;
      if (!isOpen(a)) return 0;
      if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
      if (a.dueDate !== b.dueDate) {
        if (!a.dueDate) return 1;
        if (!b.dueDate) return -1;
        return a.dueDate < b.dueDate ? -1 : 1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  }

  /** "2027-03-31" as a calendar date in the reader's language, without time-zone shifts. */
  function formatDate(isoDate, locale) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate || ''));
    if (!match) return String(isoDate || '');
    var date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return new Intl.DateTimeFormat(DATE_LOCALES[locale] || 'fi-FI', {
      timeZone: 'UTC',
      day: 'numeric',
      month: locale === 'en' ? 'short' : 'numeric',
      year: 'numeric',
    }).format(date);
  }

  function formatDateTime(isoDateTime, locale) {
    var date = new Date(isoDateTime);
    if (isNaN(date.getTime())) return String(isoDateTime || '');
    return new Intl.DateTimeFormat(DATE_LOCALES[locale] || 'fi-FI', {
      timeZone: 'Europe/Helsinki',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(date);
  }

  /** Resolves with the SDK's result, or rejects when there is no Teams host (at once or after the timeout). */
  function initializeTeams(teams, timeoutMs) {
    return new Promise(function (resolve, reject) {
      if (!teams || !teams.app || typeof teams.app.initialize !== 'function') {
        reject(new Error('teams-js is not loaded'));
        return;
      }
      var timer = setTimeout(function () {
        reject(new Error('no Teams host answered'));
      }, timeoutMs);
      Promise.resolve()
        .then(function () {
          return teams.app.initialize();
        })
        .then(
          function (value) {
            clearTimeout(timer);
            resolve(value);
          },
          function (error) {
            clearTimeout(timer);
            reject(error);
          },
        );
    });
  }

  /** status: a status filter; the default view ("open") is asked without one. */
  function forumQuery(context, locale, status) {
    var params = new URLSearchParams();
    if (context.channel && context.channel.id) params.set('channelId', context.channel.id);
    else if (context.chat && context.chat.id) params.set('chatId', context.chat.id);
    if (context.team && context.team.groupId) params.set('teamId', context.team.groupId);
    params.set('locale', locale);
    if (status && status !== 'open') params.set('status', status);
    return '/api/tab/forum?' + params.toString();
  }

  /** The list a status filter is shown from: the default view's open actions, or its own. */
  function listFor(status) {
    return status === 'open' || OPEN_STATUSES.indexOf(status) >= 0 ? 'open' : status;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function applyTheme(theme) {
    document.documentElement.setAttribute('data-theme', pickTheme(theme));
  }

  function applyLocale(locale, t) {
    document.documentElement.lang = locale;
    document.title = t('title');
    var labelled = document.querySelectorAll ? document.querySelectorAll('[data-i18n]') : [];
    for (var i = 0; i < labelled.length; i++)
      labelled[i].textContent = t(labelled[i].getAttribute('data-i18n'));
  }

  function showStatus(text, kind) {
    var status = byId('status');
    status.textContent = text;
    status.className = 'status' + (kind ? ' status-' + kind : '');
    status.hidden = false;
  }

  /** The one message shown before the language is known: in all three, each marked with its language. */
  function showNotInTeams() {
    showStatus('', 'info');
    var status = byId('status');
    NOT_IN_TEAMS.split(' / ').forEach(function (text, i) {
      if (i > 0) status.appendChild(document.createTextNode(' / '));
      var part = element('span', text);
      part.setAttribute('lang', ['fi', 'en', 'sv'][i]);
      status.appendChild(part);
    });
  }

  function renderDigest(digest, locale, t) {
    byId('digest-section').hidden = false;
    var lines = byId('digest-lines');
    lines.replaceChildren();
    if (!digest) {
      byId('digest-title').textContent = '';
      byId('digest-date').textContent = t('digest.none');
      return;
    }
    byId('digest-title').textContent = digest.title || '';
    byId('digest-date').textContent = t('digest.compiled', {
      date: formatDateTime(digest.compiledAt, locale),
    });
    (digest.lines || []).forEach(function (line) {
      lines.appendChild(element('li', line));
    });
  }

  function readFilters() {
    return {
      status: byId('filter-status').value || 'open',
      overdueOnly: Boolean(byId('filter-overdue').checked),
      owner: byId('filter-owner').value || '',
    };
  }

  function renderActions(actions, locale, t) {
    var shown = sortActions(filterActions(actions, readFilters()));
    var body = byId('actions-body');
    body.replaceChildren();
    shown.forEach(function (action) {
      var row = element('tr', undefined, action.overdue ? 'overdue' : undefined);
      row.appendChild(element('td', action.id, 'action-id'));
      row.appendChild(element('td', action.title));
      row.appendChild(element('td', action.owner || t('noOwner'), action.owner ? undefined : 'muted'));
      row.appendChild(
        element(
          'td',
          action.dueDate ? formatDate(action.dueDate, locale) : t('noDueDate'),
          action.dueDate ? undefined : 'muted',
        ),
      );
      var status = element('td', t('status.' + action.status));
      if (action.overdue) {
        status.appendChild(document.createTextNode(' '));
        status.appendChild(element('span', t('overdue'), 'badge-overdue'));
      }
      row.appendChild(status);
      body.appendChild(row);
    });
    byId('actions-table').hidden = shown.length === 0;
    byId('actions-empty').hidden = shown.length > 0;
    byId('actions-count').textContent = t('actions.count', { shown: shown.length, total: actions.length });
  }

  /** Empties the table while a list is being fetched; the section says it is busy. */
  function showListLoading(t) {
    byId('actions-body').replaceChildren();
    byId('actions-table').hidden = true;
    byId('actions-empty').hidden = true;
    byId('actions-count').textContent = t('loading');
  }

  /**
   * openActions: the default view's list. fetchList(status) resolves with the server's answer for
   * another filter; each list is fetched once per page load, like the default one.
   */
  function setUpFilters(openActions, locale, t, fetchList) {
    // Enter in the owner search must not submit (reload) the page.
    byId('filters').addEventListener('submit', function (event) {
      event.preventDefault();
    });
    var select = byId('filter-status');
    select.replaceChildren();
    ['open', 'all'].concat(STATUSES).forEach(function (value) {
      var label = value === 'open' || value === 'all' ? t('filter.status.' + value) : t('status.' + value);
      var option = element('option', label);
      option.value = value;
      select.appendChild(option);
    });
    select.value = 'open';
    var section = byId('actions-section');
    var lists = { open: openActions };
    var fetching = {};
    var rerender = function () {
      var key = listFor(readFilters().status);
      section.setAttribute('aria-busy', lists[key] ? 'false' : 'true');
      if (lists[key]) {
        // A failed list's message no longer applies.
        byId('status').hidden = true;
        renderActions(lists[key], locale, t);
        return;
      }
      showListLoading(t);
      if (fetching[key]) return;
      fetching[key] = true;
      fetchList(key).then(
        function (data) {
          fetching[key] = false;
          lists[key] = Array.isArray(data.actions) ? data.actions : [];
          if (listFor(readFilters().status) === key) rerender();
        },
        function (error) {
          fetching[key] = false;
          if (listFor(readFilters().status) !== key) return;
          section.setAttribute('aria-busy', 'false');
          byId('actions-count').textContent = '';
          showLoadError(error, t, rerender);
        },
      );
    };
    select.addEventListener('change', rerender);
    byId('filter-overdue').addEventListener('change', rerender);
    byId('filter-owner').addEventListener('input', rerender);
    return rerender;
  }

  function renderForum(data, locale, t, fetchList) {
    var actions = Array.isArray(data.actions) ? data.actions : [];
    byId('forum-name').textContent = (data.forum && data.forum.name) || t('title');
    byId('status').hidden = true;
    renderDigest(data.digest, locale, t);
    var open = actions.filter(isOpen);
    var overdue = open.filter(function (a) {
      return a.overdue;
    });
    byId('actions-summary').textContent = t('actions.summary', {
      open: open.length,
      overdue: overdue.length,
    });
    byId('actions-section').hidden = false;
    setUpFilters(actions, locale, t, fetchList)();
  }

  function showRetry(t, again) {
    var button = element('button', t('retry'), 'retry');
    button.type = 'button';
    button.addEventListener('click', again);
    byId('status').appendChild(document.createTextNode(' '));
    byId('status').appendChild(button);
  }

  /** Resolves with the answer's JSON; rejects with kind "auth" or "noForum" when that is why. */
  function requestForum(teams, fetchFn, context, locale, status) {
    return Promise.resolve()
      .then(function () {
        return teams.authentication.getAuthToken();
      })
      .then(
        function (token) {
          return fetchFn(forumQuery(context, locale, status), {
            headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
            credentials: 'omit',
          });
        },
        function () {
          throw Object.assign(new Error('no token'), { kind: 'auth' });
        },
      )
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          throw Object.assign(new Error('token refused'), { kind: 'auth' });
        }
        if (response.status === 404) throw Object.assign(new Error('no forum'), { kind: 'noForum' });
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      });
  }

  function showLoadError(error, t, again) {
    var kind = error && error.kind;
    if (kind === 'auth') showStatus(t('error.auth'), 'error');
    else if (kind === 'noForum') showStatus(t('error.noForum'), 'info');
    else {
      showStatus(t('error.load'), 'error');
      showRetry(t, again);
    }
  }

  function loadForum(teams, fetchFn, context, locale, t) {
    showStatus(t('loading'));
    var fetchList = function (status) {
      return requestForum(teams, fetchFn, context, locale, status);
    };
    return fetchList()
      .then(function (data) {
        renderForum(data, locale, t, fetchList);
      })
      .catch(function (error) {
        showLoadError(error, t, function () {
          loadForum(teams, fetchFn, context, locale, t);
        });
      });
  }

  function startConfig(teams, t) {
    var config = teams.pages && teams.pages.config;
    if (!config) return;
    config.registerOnSaveHandler(function (saveEvent) {
      var origin = root.location.origin;
      config
        .setConfig({
          entityId: 'situation',
          contentUrl: origin + '/tab',
          suggestedDisplayName: t('title'),
        })
        .then(
          function () {
            saveEvent.notifySuccess();
          },
          function (error) {
            saveEvent.notifyFailure(String(error));
          },
        );
    });
    config.setValidityState(true);
  }

  /**
   * options: { teams, fetch, timeoutMs } — default to the page's globals; tests pass fakes.
   * Resolves when the page shows its final state.
   */
  function start(options) {
    options = options || {};
    var teams = options.teams || root.microsoftTeams;
    var fetchFn = options.fetch || (root.fetch && root.fetch.bind(root));
    var timeoutMs = options.timeoutMs === undefined ? INIT_TIMEOUT_MS : options.timeoutMs;
    var page = document.body && document.body.getAttribute('data-page');

    return initializeTeams(teams, timeoutMs)
      .then(
        function () {
          return teams.app.getContext();
        },
        function () {
          showNotInTeams();
          return null;
        },
      )
      .then(function (context) {
        if (!context) return undefined;
        var locale = pickLocale(context.app && context.app.locale);
        var t = translator(locale);
        applyLocale(locale, t);
        applyTheme(context.app && context.app.theme);
        if (teams.app.registerOnThemeChangeHandler) teams.app.registerOnThemeChangeHandler(applyTheme);
        if (page === 'config') {
          startConfig(teams, t);
          showStatus(t('config.intro'));
          return undefined;
        }
        return loadForum(teams, fetchFn, context, locale, t);
      });
  }

  root.YhdyspintaTab = {
    MESSAGES: MESSAGES,
    NOT_IN_TEAMS: NOT_IN_TEAMS,
    pickLocale: pickLocale,
    pickTheme: pickTheme,
    translator: translator,
    filterActions: filterActions,
    sortActions: sortActions,
    formatDate: formatDate,
    forumQuery: forumQuery,
    start: start,
  };

  // Loaded with `defer`, so the document is parsed by now. Without a document (tests in node:vm)
  // nothing starts until start() is called.
  if (typeof document !== 'undefined' && document.body) start();
})(typeof window !== 'undefined' ? window : globalThis);
