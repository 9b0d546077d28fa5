// The data our unified plugins read from and write to a VFile.
import type { BodyReference, ReferenceContext } from './references.ts';

declare module 'vfile' {
  interface DataMap {
    /** Where the body's links point from (`sanitize/references.ts`). */
    referenceContext: ReferenceContext;
    /** The body's links and images into the archive, each replaced by its token. */
    bodyReferences: BodyReference[];
    /** The original article's URL, against which other relative URLs resolve. */
    baseUrl: string | undefined;
    /** Text readers see in elements the sanitizer removes whole, each as `<name> "text"` (`noteUnkeptText`). */
    unkeptText: string[];
    /** Links and pictures whose address the schema refuses, each as `link "tel:…"` (`noteUnkeptAddresses`). */
    unkeptAddresses: string[];
    /** Embedded media with no address to link to, each as `<name> "address"` (`embeds.ts`). */
    unkeptEmbeds: string[];
    /** `remoteImages: block`: pictures from other sites become links to them. */
    blockRemoteImages: boolean;
  }
}
