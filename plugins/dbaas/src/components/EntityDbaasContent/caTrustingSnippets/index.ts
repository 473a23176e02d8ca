export { clientSnippetFor } from './clientSnippetFor';
