import { parseHTML } from 'linkedom';
import { parse, type DefaultTreeAdapterMap, type TreeAdapter, type TreeAdapterTypeMap, html as parse5Html } from 'parse5';

/**
 * A page's HTML to a DOM that works anywhere, a worker included (DOMParser does not exist there):
 * parse5 builds the tree exactly as the HTML standard's tree construction says a browser does
 * (implied end tags, foster parenting, comments and raw-text elements), and linkedom supplies the
 * DOM it is built into (querySelector, matches, textContent) for the metadata reader, Readability
 * and the stylesheet rules. Nothing in it runs, loads or touches the page Hashiya runs in.
 */

type LDocument = ReturnType<typeof parseHTML>['document'];
type LNode = Node;
type LElement = Element;

type Map = TreeAdapterTypeMap<LNode, LNode, LNode, LDocument, DocumentFragment, LElement, Comment, Text, LElement, LNode>;

/** A linkedom document without children, for parse5 to fill. */
function emptyDocument(): LDocument {
  return parseHTML('').document;
}

function linkedomAdapter(document: LDocument): TreeAdapter<Map> {
  const namespaces = new WeakMap<LNode, parse5Html.NS>();
  const tagNames = new WeakMap<LNode, string>();
  const templates = new WeakMap<LNode, DocumentFragment>();
  const setAttributes = (element: LElement, attrs: readonly { name: string; value: string }[]) => {
    for (const { name, value } of attrs) {
      if (element.hasAttribute(name)) continue;
      try {
        element.setAttribute(name, value);
      } catch {
        // A name the DOM refuses (quotes, '<'…) cannot matter to what the page shows.
      }
    }
  };
  return {
    createDocument: () => document,
    createDocumentFragment: () => document.createDocumentFragment() as unknown as DocumentFragment,
    createElement(tagName, namespaceURI, attrs) {
      const element = document.createElement(tagName) as unknown as LElement;
      namespaces.set(element, namespaceURI);
      tagNames.set(element, tagName);
      setAttributes(element, attrs);
      return element;
    },
    createCommentNode: (data) => document.createComment(data) as unknown as Comment,
    createTextNode: (value) => document.createTextNode(value) as unknown as Text,
    appendChild: (parent, child) => void parent.appendChild(child),
    insertBefore: (parent, child, reference) => void parent.insertBefore(child, reference),
    setTemplateContent: (template, content) => void templates.set(template, content),
    getTemplateContent: (template) => {
      let content = templates.get(template);
      if (!content) {
        content = document.createDocumentFragment() as unknown as DocumentFragment;
        templates.set(template, content);
      }
      return content;
    },
    setDocumentType: () => undefined,
    setDocumentMode: () => undefined,
    getDocumentMode: () => parse5Html.DOCUMENT_MODE.NO_QUIRKS,
    detachNode: (node) => void node.parentNode?.removeChild(node),
    insertText(parent, text) {
      const last = parent.lastChild;
      if (last && last.nodeType === 3) (last as Text).data += text;
      else parent.appendChild(document.createTextNode(text) as unknown as Text);
    },
    insertTextBefore(parent, text, reference) {
      const previous = reference.previousSibling;
      if (previous && previous.nodeType === 3) (previous as Text).data += text;
      else parent.insertBefore(document.createTextNode(text) as unknown as Text, reference);
    },
    adoptAttributes: (recipient, attrs) => setAttributes(recipient, attrs),
    getFirstChild: (node) => node.firstChild,
    getChildNodes: (node) => Array.from(node.childNodes),
    getParentNode: (node) => node.parentNode,
    getAttrList: (element) => Array.from(element.attributes, (a) => ({ name: a.name, value: a.value })),
    getTagName: (element) => tagNames.get(element) ?? element.localName,
    getNamespaceURI: (element) => namespaces.get(element) ?? parse5Html.NS.HTML,
    getTextNodeContent: (node) => node.data,
    getCommentNodeContent: (node) => node.data,
    getDocumentTypeNodeName: () => 'html',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isTextNode: (node): node is Text => node.nodeType === 3,
    isCommentNode: (node): node is Comment => node.nodeType === 8,
    isDocumentTypeNode: (node): node is LNode => node.nodeType === 10,
    isElementNode: (node): node is LElement => node.nodeType === 1,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
}

/** The page as a browser's parser would build it (scripting on, so <noscript> holds raw text). */
export function parseDocument(html: string): Document {
  const document = emptyDocument();
  parse(html, { treeAdapter: linkedomAdapter(document), scriptingEnabled: true });
  return document as unknown as Document;
}

export type { DefaultTreeAdapterMap };
