/* The study page: reads the lesson's questions from the JSON block, quizzes the student in four
   modes and keeps each question's scheduling state in localStorage under the lesson id and the
   question's content hash. Every text from the lesson goes into the page with textContent. */
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("lesson-data").textContent);
  const questions = data.questions;
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const STORE = "studygen:progress:" + data.lesson;
  const FILE_FORMAT = "studygen-progress";
  const MODES = {
    flashcards: { label: "Flashcards", fits: () => true },
    practice: { label: "Multiple choice", fits: (q) => q.shape === "choice" },
    typed: { label: "Type the answer", fits: (q) => q.typed },
    ordering: { label: "Put in order", fits: (q) => q.shape === "ordering" },
  };
  const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let mode = "flashcards";
  let states = {};
  let storageWorks = true;
  let ahead = false; // the student asked to go on although nothing is due
  let started = false; // after the first card, each new card takes the focus (for screen readers)

  // -- small DOM helpers: text only, never markup -------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else node.setAttribute(name, value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }
  const $ = (id) => document.getElementById(id);

  // -- progress: localStorage and files -----------------------------------------------------
  function validState(s) {
    const finite = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
    return (
      s && typeof s === "object" && ["reps", "lapses", "interval", "due", "last"].every((k) => finite(s[k])) &&
      finite(s.ease) && s.ease >= 1 && s.ease <= 10
    );
  }
  function cleanCards(cards) {
    const out = {};
    if (!cards || typeof cards !== "object") return out;
    for (const [key, s] of Object.entries(cards)) {
      if (/^[0-9a-f]{16}$/.test(key) && validState(s)) {
        out[key] = { reps: s.reps, lapses: s.lapses, ease: s.ease, interval: s.interval, due: s.due, last: s.last };
      }
    }
    return out;
  }
  function loadStates() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || "{}");
      states = cleanCards(saved.cards);
    } catch (e) {
      storageWorks = false;
      states = {};
    }
  }
  function progressDocument() {
    return { format: FILE_FORMAT, version: 1, lesson: data.lesson, cards: states };
  }
  function saveStates() {
    try {
      localStorage.setItem(STORE, JSON.stringify(progressDocument()));
    } catch (e) {
      storageWorks = false;
    }
    showSummary();
  }
  function saveFile() {
    const blob = new Blob([JSON.stringify(progressDocument(), null, 1)], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: data.lesson + "-progress.json" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
  function loadFile(file) {
    const said = $("load-result");
    file.text().then((text) => {
      let doc;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        said.textContent = "That file is not a progress file of this page (it is not JSON).";
        return;
      }
      if (!doc || doc.format !== FILE_FORMAT) {
        said.textContent = "That file is not a progress file saved from a study page.";
        return;
      }
      if (doc.lesson !== data.lesson) {
        said.textContent = "That file holds the progress of another lesson (" + String(doc.lesson) + ").";
        return;
      }
      const cards = cleanCards(doc.cards);
      let here = 0;
      for (const [key, s] of Object.entries(cards)) {
        if (!states[key] || states[key].last < s.last) states[key] = s;
        if (byKey.has(key)) here += 1;
      }
      saveStates();
      said.textContent = "Loaded the progress of " + here + " questions of this page.";
      ahead = false;
      show();
    });
  }

  // -- answers ------------------------------------------------------------------------------
  /* An answer as compared: no accents, case, punctuation or leading article. */
  function normalise(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[\p{P}\p{S}]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^(the|a|an) /, "");
  }
  function accepts(answer, alternatives, given) {
    const wanted = normalise(given);
    return wanted !== "" && [answer, ...alternatives].some((a) => normalise(a) === wanted);
  }

  function grade(q, how) {
    states[q.key] = studyScheduler.review(states[q.key], how, Date.now());
    saveStates();
  }

  // -- what a card shows --------------------------------------------------------------------
  function front(q) {
    const box = el("div", { class: "front" }, el("p", { class: "prompt", text: q.prompt }));
    if (q.shape === "matching") {
      box.append(el("ol", { class: "quotes" }, ...q.matches.map((m) => el("li", { text: m[0] }))));
    }
    if (q.shape === "ordering") {
      box.append(el("ol", { class: "letters" }, ...q.items.map((item) => el("li", { text: item }))));
    }
    return box;
  }
  function answerOf(q) {
    if (q.shape === "matching") {
      return el("ol", { class: "quotes" }, ...q.matches.map((m) => el("li", { text: m[0] + " — " + m[1] })));
    }
    if (q.shape === "ordering") {
      return el("ol", {}, ...q.sequence.map((e) => el("li", { text: e[1] + " (" + e[0] + ")" })));
    }
    return el("p", { class: "answer", text: q.answer });
  }
  /* The article's passage and who gives the answer: what a student checks an answer against. */
  function details(q) {
    const box = el("div", { class: "details" });
    if (q.according) box.append(el("p", { text: "According to " + q.according + "." }));
    if (q.sources.length) {
      box.append(
        el("p", { class: "label", text: "Who gives the answer" }),
        el("ul", {}, ...q.sources.map((s) => el("li", { text: s[0] + ": given by " + s[1] }))),
      );
    }
    if (q.passage >= 0) {
      box.append(
        el("p", { class: "label", text: "The article says" }),
        el("blockquote", { text: data.passages[q.passage] }),
      );
    }
    return box;
  }
  function nextButton() {
    return el("button", { type: "button", class: "next", text: "Next question", onclick: () => show() });
  }
  function say(text, good) {
    return el("p", { class: good ? "feedback right" : "feedback wrong", role: "status", text: text });
  }

  // -- the four modes -----------------------------------------------------------------------
  function flashcard(q, card) {
    card.append(front(q));
    const reveal = el("button", { type: "button", class: "primary", text: "Show the answer" });
    card.append(reveal);
    reveal.addEventListener("click", () => {
      reveal.remove();
      const when = studyScheduler.preview(states[q.key], Date.now());
      const names = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
      const buttons = studyScheduler.GRADES.map((g) =>
        el(
          "button",
          { type: "button", class: "grade " + g, "aria-label": names[g] + ", next in " + when[g],
            onclick: () => { grade(q, g); show(); } },
          el("span", { text: names[g] }),
          el("small", { text: when[g] }),
        ),
      );
      const back = el("div", { class: "back" }, el("h3", { text: "Answer", tabindex: "-1" }), answerOf(q), details(q));
      card.append(back, el("div", { class: "grades", role: "group", "aria-label": "How well did you know it?" }, ...buttons));
      back.firstChild.focus();
    });
  }

  function practice(q, card) {
    card.append(front(q));
    const list = el("div", { class: "choices", role: "group", "aria-label": "Choices" });
    q.choices.forEach((choice, i) => {
      const button = el("button", { type: "button", class: "choice" },
        el("b", { text: LETTERS[i] + ". " }), el("span", { text: choice }));
      button.addEventListener("click", () => {
        const right = i === q.correct;
        for (const b of list.children) b.disabled = true;
        list.children[q.correct].classList.add("correct");
        list.children[q.correct].append(el("span", { class: "mark", text: " ✓ correct" }));
        if (!right) {
          button.classList.add("chosen");
          button.append(el("span", { class: "mark", text: " ✗ your answer" }));
        }
        grade(q, right ? "good" : "again");
        card.append(say(right ? "Correct." : "Not quite: the answer is " + q.answer + ".", right), details(q));
        const next = nextButton();
        card.append(next);
        next.focus();
      });
      list.append(button);
    });
    card.append(list);
  }

  function typed(q, card) {
    card.append(front(q));
    const blanks = q.blanks.length ? q.blanks : [{ answer: q.answer, alternatives: q.alternatives }];
    const form = el("form", { class: "typed" });
    const inputs = blanks.map((b, i) => {
      const id = "typed-" + i;
      const label = blanks.length > 1 ? "Blank " + (i + 1) : q.blanks.length ? "The missing words" : "Your answer";
      const input = el("input", { id: id, type: "text", autocomplete: "off", autocapitalize: "off", spellcheck: "false" });
      form.append(el("label", { for: id, text: label }), input);
      return input;
    });
    form.append(el("button", { type: "submit", class: "primary", text: "Check" }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (form.dataset.done) return;
      form.dataset.done = "1";
      const right = blanks.every((b, i) => accepts(b.answer, b.alternatives, inputs[i].value));
      for (const input of inputs) input.readOnly = true;
      form.querySelector("button").disabled = true;
      grade(q, right ? "good" : "again");
      const accepted = [q.answer, ...q.alternatives].join(" or ");
      card.append(say(right ? "Correct: " + accepted + "." : "Not quite: the answer is " + accepted + ".", right));
      card.append(details(q));
      const next = nextButton();
      card.append(next);
      next.focus();
    });
    card.append(form);
    setTimeout(() => inputs[0].focus(), 0);
  }

  function ordering(q, card) {
    card.append(el("div", { class: "front" }, el("p", { class: "prompt", text: q.prompt })));
    const order = q.items.slice();
    const list = el("ol", { class: "order" });
    const check = el("button", { type: "button", class: "primary", text: "Check the order" });
    function drawList(focusIndex, which) {
      list.replaceChildren(
        ...order.map((item, i) => {
          const up = el("button", { type: "button", "aria-label": "Move up: " + item, text: "↑" });
          const down = el("button", { type: "button", "aria-label": "Move down: " + item, text: "↓" });
          up.disabled = i === 0;
          down.disabled = i === order.length - 1;
          up.addEventListener("click", () => move(i, -1, "up"));
          down.addEventListener("click", () => move(i, 1, "down"));
          return el("li", {}, el("span", { class: "item", text: item }), el("span", { class: "moves" }, up, down));
        }),
      );
      if (focusIndex !== undefined) {
        const row = list.children[focusIndex].querySelectorAll("button");
        const target = which === "up" && !row[0].disabled ? row[0] : !row[1].disabled ? row[1] : row[0];
        target.focus();
      }
    }
    function move(i, step, which) {
      const j = i + step;
      [order[i], order[j]] = [order[j], order[i]];
      drawList(j, which);
    }
    drawList();
    check.addEventListener("click", () => {
      check.remove();
      for (const b of list.querySelectorAll("button")) b.disabled = true;
      const wanted = q.sequence.map((e) => e[1]);
      const right = order.every((item, i) => item === wanted[i]);
      order.forEach((item, i) => {
        const ok = item === wanted[i];
        list.children[i].classList.add(ok ? "correct" : "chosen");
        list.children[i].append(el("span", { class: "mark", text: ok ? " ✓ in place" : " ✗ not here" }));
      });
      grade(q, right ? "good" : "again");
      card.append(say(right ? "Correct: that is the order." : "Not quite. The order, earliest first:", right));
      card.append(answerOf(q), details(q));
      const next = nextButton();
      card.append(next);
      next.focus();
    });
    card.append(list, check);
  }

  const RENDER = { flashcards: flashcard, practice: practice, typed: typed, ordering: ordering };

  // -- the page -----------------------------------------------------------------------------
  function keysOf(name) {
    return questions.filter(MODES[name].fits).map((q) => q.key);
  }
  function dueCount(name, now) {
    return keysOf(name).filter((k) => !states[k] || !states[k].last || states[k].due <= now).length;
  }
  function showSummary() {
    const now = Date.now();
    const seen = questions.filter((q) => states[q.key] && states[q.key].last).length;
    const learned = questions.filter((q) => states[q.key] && states[q.key].interval >= 1).length;
    $("summary").textContent =
      "Studied " + seen + " of " + questions.length + " questions; " + learned + " known for a day or more; " +
      dueCount("flashcards", now) + " to study now." +
      (storageWorks ? "" : " This browser does not keep progress: save it to a file before you close the page.");
    for (const button of document.querySelectorAll("nav.modes button")) {
      button.querySelector(".count").textContent = dueCount(button.dataset.mode, now) + " to study";
    }
  }
  function drawCard() {
    const card = $("card");
    const keys = keysOf(mode);
    const now = Date.now();
    let key = studyScheduler.next(keys, states, now);
    // The card just answered, not yet due again, is not shown again straight away unless asked for.
    if (key !== null && key === card.dataset.key && states[key] && states[key].due > now) key = null;
    if (key === null && ahead) key = studyScheduler.order(keys, states, now)[0] || null;
    card.replaceChildren();
    const heading = el("h2", { id: "card-heading", tabindex: "-1" });
    card.append(heading);
    if (!keys.length) {
      heading.textContent = MODES[mode].label;
      card.append(el("p", { text: "This lesson has no questions for this mode." }));
      return;
    }
    if (key === null) {
      const soonest = studyScheduler.order(keys, states, now)[0];
      heading.textContent = "All done for now";
      card.append(
        el("p", { text: "Nothing is due in this mode. The next question is due on " +
          new Date(states[soonest].due).toLocaleString() + "." }),
        el("button", { type: "button", class: "primary", text: "Study ahead anyway",
          onclick: () => { ahead = true; show(); } }),
      );
      return;
    }
    const q = byKey.get(key);
    const s = states[key];
    heading.textContent = MODES[mode].label + ": " +
      (!s || !s.last ? "a new question" : s.due <= now ? "a question due again" : "studying ahead");
    card.dataset.key = key;
    RENDER[mode](q, card);
  }
  function show() {
    drawCard();
    if (started) $("card-heading").focus();
  }
  function chooseMode(name) {
    mode = name;
    ahead = false;
    for (const button of document.querySelectorAll("nav.modes button")) {
      button.setAttribute("aria-pressed", String(button.dataset.mode === name));
    }
    show();
  }

  /* The printed page: every question with its answer, in the lesson's order. */
  function printList() {
    const list = $("print-list");
    list.append(
      el("h2", { text: "Questions and answers" }),
      el("ol", {}, ...questions.map((q) => {
        const item = el("li", {}, el("p", { class: "prompt", text: q.prompt }));
        if (q.shape === "choice") {
          item.append(el("ol", { class: "choices" }, ...q.choices.map((c) => el("li", { text: c }))));
        }
        if (q.shape === "matching") {
          item.append(el("ol", { class: "quotes" }, ...q.matches.map((m) => el("li", { text: m[0] }))));
        }
        if (q.shape === "ordering") {
          item.append(el("ol", { class: "letters" }, ...q.items.map((i) => el("li", { text: i }))));
        }
        const answer = answerOf(q);
        item.append(el("p", { class: "label", text: "Answer" }), answer);
        return item;
      })),
    );
  }

  function start() {
    loadStates();
    const nav = $("modes");
    for (const [name, about] of Object.entries(MODES)) {
      const button = el("button", { type: "button", "data-mode": name, "aria-pressed": String(name === mode) },
        el("span", { text: about.label }), el("small", { class: "count" }));
      button.addEventListener("click", () => chooseMode(name));
      nav.append(button);
    }
    $("save").addEventListener("click", saveFile);
    $("load").addEventListener("change", (event) => {
      if (event.target.files.length) loadFile(event.target.files[0]);
      event.target.value = "";
    });
    printList();
    $("app").hidden = false;
    show();
    showSummary();
    started = true;
    document.body.dataset.ready = String(Math.round(performance.now()));
  }
  start();
})();
