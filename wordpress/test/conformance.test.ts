// The CommentsBackend contract (test/conformance/) run against a real WordPress with the plugin.
import { WordPressBackend } from '../../src/backends/wordpress/wordpress-backend.js';
import { backendConformance } from '../../test/conformance/backend-conformance.js';
import { consultationPost, moderateInWordPress, site, skipWordPress } from './site.js';

if (!skipWordPress) {
  backendConformance({
    name: 'wordpress, a real WordPress with the plugin',
    backend: new WordPressBackend({ endpoint: site }),
    newPage: async () => String((await consultationPost('Conformance')).id),
    publish: (id) => moderateInWordPress(id, 'approved'),
    section: 'housing',
    // The plugin answers a key used again with the comment first stored under it, whatever was sent.
    refusesReusedKeys: false,
  });
} else {
  console.log(`# the WordPress conformance run is skipped: ${skipWordPress}`);
}
