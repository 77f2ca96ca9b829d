/*
 * What a developer is told when an element is not set up: the element, the attribute, and what
 * works. Fetched only by pages with such a problem, so that every other page is spared its words.
 */

/** Why an element has no backend: it needs a section and has none, or its settings name no backend that works. */
export type Problem = { kind: 'section' } | { kind: 'backend'; name: string };

/** The message for a problem of `element`, naming the element and the attribute to set. */
export function configurationMessage(element: { localName: string; section: string }, problem: Problem): string {
  if (problem.kind === 'section') {
    return `<${element.localName}>: the "section" attribute is required: the id of the section it belongs to.`;
  }
  const tag = `<${element.localName}${element.section ? ` section="${element.section}"` : ''}>`;
  const named = problem.name ? ` for backend="${problem.name}"` : '';
  // One message for every way of having no usable backend: it lists what works.
  return `${tag}: no backend${named}; set "endpoint" to the comment server's URL, backend="memory", or the backend property to a CommentsBackend, on the element or on a <civic-consultation> around it.`;
}
