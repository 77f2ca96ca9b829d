/** Defines every element of civic-comments. */
import './elements/civic-consultation/define.js';
import './elements/civic-comment-count/define.js';
import './elements/civic-comments/define.js';
import { defineWhenUsed } from './internal/define-when-used.js';

// Most pages have no change log, or not yet: its code comes when one is placed.
defineWhenUsed('civic-change-log', () => import('./elements/civic-change-log/define.js'));
