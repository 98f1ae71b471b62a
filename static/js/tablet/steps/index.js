/* Step kind → the function that makes its view (render.js calls it when a step starts).
 * A new step kind: one file in this folder and one line here. An unknown kind shows as
 * `welcome`. */

export { welcomeView as welcome } from "./welcome.js";
export { newsView as news } from "./news.js";
export { questionView as question } from "./question.js";
export { pollView as poll } from "./poll.js";
export { cardsView as cards } from "./cards.js";
export { ideasView as ideas } from "./ideas.js";
export { voteView as vote } from "./vote.js";
export { criticalView as critical } from "./critical.js";
export { wrapupView as wrapup } from "./wrapup.js";
