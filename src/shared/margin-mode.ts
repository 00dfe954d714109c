/**
 * How much room the margin beside the article's text has. 'notes': a column of its own, where the
 * notes sit beside their highlights; 'markers': a narrow gutter, with a count per paragraph.
 */
export type MarginMode = 'notes' | 'markers';
