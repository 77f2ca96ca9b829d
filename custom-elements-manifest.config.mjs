// The manifest of the elements, made from their JSDoc and their Lit properties.
export default {
  globs: ['src/elements/**/*.ts', 'src/internal/section-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  plugins: [
    {
      name: 'hide-internal-state',
      // Lit's internal reactive state (`{ state: true }`, declared private) has no attribute.
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.customElement) continue;
            const hidden = new Set(
              (declaration.members ?? []).filter((member) => member.privacy === 'private').map((member) => member.name),
            );
            declaration.members = (declaration.members ?? []).filter(
              (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
            );
            // An attribute of a field left out (private, or marked @internal, as state other parts read) goes too.
            const shown = new Set(declaration.members.map((member) => member.name));
            declaration.attributes = (declaration.attributes ?? []).filter(
              (attribute) => !attribute.fieldName || (!hidden.has(attribute.fieldName) && shown.has(attribute.fieldName)),
            );
          }
        }
      },
    },
  ],
};
