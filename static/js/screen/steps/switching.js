/* A step kind with two views the leader switches between while the step stays (the
 * question wall as notes or as a word cloud; critical thinking for the whole class or per
 * table): `switching(plain, other, useOther)` mounts the one that `useOther(state)` asks
 * for and swaps them in the same box when the answer changes. */

export function switching(plain, other, useOther, otherClass) {
  return {
    mount(box, state, cameBack) {
      this.box = box;
      this.start(!!useOther(state), state, cameBack);
    },
    start(mode, state, cameBack) {
      this.mode = mode;
      this.box.replaceChildren();
      if (otherClass) this.box.classList.toggle(otherClass, mode);
      this.inner = Object.create(mode ? other : plain);
      this.inner.mount(this.box, state, cameBack);
    },
    update(state) {
      const mode = !!useOther(state);
      if (mode !== this.mode) this.start(mode, state, false);
      this.inner.update(state);
    },
  };
}
