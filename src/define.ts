/** Defines every element of civic-comments. */
import './elements/civic-comments/define.js';
