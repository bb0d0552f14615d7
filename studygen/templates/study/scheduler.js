/* The study page's spaced-repetition scheduler: SM-2 with four grades, as Anki uses it.
   Pure functions of a card's state and the time (milliseconds), so that tests can run them at any
   time; the page stores each question's state under the question's content hash. */
const studyScheduler = (() => {
  const MINUTE = 60 * 1000;
  const DAY = 24 * 60 * MINUTE;
  const GRADES = ["again", "hard", "good", "easy"];
  const START_EASE = 2.5;
  const MIN_EASE = 1.3;
  const RELEARN = 10 * MINUTE; // a card answered "again" comes back after ten minutes
  const LEARN_AHEAD = 20 * MINUTE; // with nothing due, a card due this soon is shown anyway

  function fresh() {
    return { reps: 0, lapses: 0, ease: START_EASE, interval: 0, due: 0, last: 0 };
  }

  /* The state after answering with `grade` at `now`. `interval` is in days; 0 while relearning. */
  function review(state, grade, now) {
    if (!GRADES.includes(grade)) throw new Error("unknown grade " + grade);
    const s = Object.assign(fresh(), state);
    const next = { reps: s.reps, lapses: s.lapses, ease: s.ease, interval: s.interval, due: 0, last: now };
    if (grade === "again") {
      if (s.reps > 0) next.lapses = s.lapses + 1;
      next.reps = 0;
      next.interval = 0;
      next.ease = s.reps > 0 ? Math.max(MIN_EASE, s.ease - 0.2) : s.ease;
      next.due = now + RELEARN;
      return next;
    }
    if (s.reps === 0) {
      next.interval = { hard: 1, good: 1, easy: 4 }[grade];
    } else if (s.reps === 1 && grade !== "hard") {
      next.interval = grade === "good" ? 6 : Math.max(6, Math.round(s.interval * s.ease * 1.3));
    } else {
      const factor = { hard: 1.2, good: s.ease, easy: s.ease * 1.3 }[grade];
      next.interval = Math.max(s.interval + 1, Math.round(s.interval * factor));
    }
    if (grade === "hard") next.ease = Math.max(MIN_EASE, s.ease - 0.15);
    if (grade === "easy") next.ease = s.ease + 0.15;
    next.reps = s.reps + 1;
    next.due = now + next.interval * DAY;
    return next;
  }

  /* When each grade would bring the card back, for the buttons ("10 min", "6 d"). */
  function preview(state, now) {
    const out = {};
    for (const grade of GRADES) {
      const wait = review(state, grade, now).due - now;
      out[grade] = wait < DAY ? Math.round(wait / MINUTE) + " min" : Math.round(wait / DAY) + " d";
    }
    return out;
  }

  /* The keys in the order to study them at `now`: cards due (the longest overdue first), then new
     cards in the lesson's order; cards not yet due come last, the soonest first. */
  function order(keys, states, now) {
    const position = new Map(keys.map((key, i) => [key, i]));
    const rank = (key) => {
      const s = states[key];
      if (!s || !s.last) return [1, 0, position.get(key)];
      return [s.due <= now ? 0 : 2, s.due, position.get(key)];
    };
    return keys.slice().sort((a, b) => {
      const ra = rank(a), rb = rank(b);
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
  }

  /* The next key to study: a due or new card, else a card due within LEARN_AHEAD (a card just
     failed comes back when nothing else is left), else null. */
  function next(keys, states, now) {
    const first = order(keys, states, now)[0];
    if (first === undefined) return null;
    const s = states[first];
    return !s || !s.last || s.due <= now + LEARN_AHEAD ? first : null;
  }

  return { GRADES, review, preview, order, next };
})();
