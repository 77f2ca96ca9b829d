/** Defines every element of civic-comments. */
import './elements/civic-consultation/define.js';
import './elements/civic-comment-count/define.js';
import './elements/civic-comments/define.js';
