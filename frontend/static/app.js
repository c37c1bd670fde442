// Pontis: small progressive enhancements. Every page works without this file; it adds
// live notifications, translations and new posts (server-sent events), member
// suggestions after "@", the "all originals" toggle and the footer's language switch.
"use strict";
document.documentElement.classList.add("js");

document.querySelectorAll("form[data-autosubmit] select").forEach((select) =>
  select.addEventListener("change", () => select.form.submit()));

const toggle = document.querySelector(".toggle-originals");
if (toggle) {
  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    const all = [...document.querySelectorAll("details.original")];
    const open = !all.every((d) => d.open);
    all.forEach((d) => { d.open = open; });
    toggle.textContent = open ? toggle.dataset.hide : toggle.dataset.show;
  });
}

// One live stream per page: the viewer's new notifications (the bell's count) and, on a
// thread page, that thread's new posts and translations.
const posts = document.getElementById("posts");
const bell = document.getElementById("unread-count");
if (document.body.hasAttribute("data-live") && window.EventSource) {
  const query = new URLSearchParams();
  if (posts) {
    query.set("threads", posts.dataset.thread);
    query.set("lang", posts.dataset.lang);
  }
  const events = new EventSource(`/api/v1/events?${query}`);
  events.addEventListener("notification", (event) => {
    const count = JSON.parse(event.data).unread_count;
    if (bell && Number.isInteger(count)) {
      bell.textContent = String(count);
      bell.hidden = count === 0;
    }
  });
  if (posts) {
    const lang = posts.dataset.lang;
    let following = true;
    const fragment = (id) => fetch(`/p/${id}/fragment?lang=${encodeURIComponent(lang)}`, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : null));
    const place = (id, html) => {
      if (!html) return;
      const node = document.createRange().createContextualFragment(html).firstElementChild;
      const old = document.getElementById(`post-${id}`);
      if (old) old.replaceWith(node); else posts.append(node);
    };
    const onPost = (event) => {
      const id = JSON.parse(event.data).post_id;
      if (following && id) fragment(id).then((html) => place(id, html));
    };
    events.addEventListener("post", onPost);
    events.addEventListener("translation", onPost);
    events.addEventListener("end", () => { following = false; });
  }
}

// Typing "@" in a post offers the space's members; the form works without it.
const composer = document.querySelector("textarea[data-mentions]");
if (composer) {
  let members = null;
  const list = document.createElement("ul");
  list.className = "mentions";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  composer.after(list);
  const load = () => members || (members = fetch(`/api/v1/spaces/${encodeURIComponent(composer.dataset.mentions)}/members`, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []));
  const typed = () => {
    const before = composer.value.slice(0, composer.selectionStart);
    const match = /(^|[^\w@])@(\w{0,32})$/.exec(before);
    return match ? match[2].toLowerCase() : null;
  };
  const insert = (handle) => {
    const at = composer.selectionStart;
    const before = composer.value.slice(0, at).replace(/@\w*$/, `@${handle} `);
    composer.value = before + composer.value.slice(at);
    composer.selectionStart = composer.selectionEnd = before.length;
    list.hidden = true;
    composer.focus();
  };
  composer.addEventListener("input", () => {
    const prefix = typed();
    if (prefix === null) { list.hidden = true; return; }
    load().then((found) => {
      const matches = found
        .map((m) => m.user)
        .filter((u) => u && (u.handle.startsWith(prefix) || u.display_name.toLowerCase().startsWith(prefix)))
        .slice(0, 8);
      list.replaceChildren(...matches.map((u) => {
        const item = document.createElement("li");
        item.setAttribute("role", "option");
        item.tabIndex = -1;
        item.textContent = `@${u.handle} · ${u.display_name}`;
        item.addEventListener("mousedown", (event) => { event.preventDefault(); insert(u.handle); });
        item.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); insert(u.handle); } });
        return item;
      }));
      list.hidden = matches.length === 0;
    });
  });
  composer.addEventListener("keydown", (event) => {
    if (!list.hidden && event.key === "ArrowDown" && list.firstElementChild) {
      event.preventDefault();
      list.firstElementChild.focus();
    } else if (event.key === "Escape") {
      list.hidden = true;
    }
  });
}
