// studygen: the choices of a multiple-choice card in a new order at each review, the same order
// on the back as on the front. Written for old phone web views too (no arrow functions, no let).
//
// Anki desktop and AnkiMobile keep one page and swap the card in; AnkiDroid loads a new page for
// the back. The tab's sessionStorage survives both, so the front keeps its order there and the
// back reads it. Where storage is refused (or scripts do not run at all) both sides keep the
// order the note was built with, which the deck already shuffled: they still agree.
//
// The front never repeats the order it showed last in this tab, nor the note's own order the first
// time: two reviews in a row always differ. The back is the list that marks the correct choice (li.correct); that mark moves with its
// choice, so the answer is marked by its text, whatever the order.
(function () {
  var lists = document.querySelectorAll("ol.choices");
  var list = lists[lists.length - 1]; // the list just before this script
  if (!list || list.getAttribute("data-ordered")) {
    return;
  }
  list.setAttribute("data-ordered", "yes");
  var items = Array.prototype.slice.call(list.children);
  var texts = items.map(function (item) {
    return item.textContent;
  });
  if (items.length < 2) {
    return;
  }
  var key = "studygen.choices:" + texts.slice().sort().join("\u001f");
  var store;
  try {
    store = window.sessionStorage;
    store.setItem(key, store.getItem(key) || "");
  } catch (refused) {
    return;
  }
  var kept = null;
  try {
    kept = JSON.parse(store.getItem(key));
  } catch (notJson) {}
  var known =
    kept instanceof Array &&
    kept.length === texts.length &&
    texts.every(function (text) {
      return kept.indexOf(text) >= 0;
    });
  var order;
  if (list.querySelector("li.correct")) {
    if (!known) {
      return; // the front kept no order here: it showed the note's own
    }
    order = kept;
  } else {
    do {
      order = texts.slice();
      for (var i = order.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
    } while (order.join("\u001f") === (known ? kept : texts).join("\u001f")); // never the order last shown
    store.setItem(key, JSON.stringify(order));
  }
  order.forEach(function (text) {
    list.appendChild(items[texts.indexOf(text)]);
  });
})();
