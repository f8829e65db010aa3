(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("main .rl-changed"));
  var nav = document.getElementById("rl-nav");
  if (!nav || !marks.length) { return; }
  var at = -1;
  var status = document.createElement("span");
  status.textContent = marks.length + " changed blocks (keys n / p)";
  function go(step) {
    if (at !== -1) { marks[at].classList.remove("rl-current"); }
    at = (at + step + marks.length) % marks.length;
    marks[at].classList.add("rl-current");
    marks[at].scrollIntoView({block: "center"});
    status.textContent = "change " + (at + 1) + " of " + marks.length;
  }
  function button(text, step) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.addEventListener("click", function () { go(step); });
    nav.appendChild(element);
  }
  button("\u25B2 Previous change", -1);
  button("Next change \u25BC", 1);
  nav.appendChild(status);
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "n") { go(1); } else if (event.key === "p") { go(-1); }
  });
})();
