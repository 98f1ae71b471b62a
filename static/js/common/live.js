/* The shared classic scripts as ES module imports: window.Live (live.js: the connection,
 * the outbox, texts, read-aloud and the element builder) and window.T / window.LANG
 * (page.js). They stay classic scripts because the leader's phone view, the board and the
 * public pages load them too; every module of the tablet and the screen imports them from
 * here, so the day live.js becomes a module only this file changes.
 */
const Live = window.Live;

export const { connect, call, Outbox, newId, t, text, speak, el } = Live;
export default Live;
