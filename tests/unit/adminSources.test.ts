import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rootDir } from '../../cms/paths.ts'
import { adminSourceFiles } from '../../cms/server/adminBuild.ts'

const files = new Set(adminSourceFiles().map((f) => path.relative(rootDir, f)))

describe('the files an admin build depends on', () => {
  it('follow the imports of the config, the Next app and the components, also outside cms/', () => {
    for (const file of [
      'cms/payload.config.ts',
      'cms/collections/Articles/index.ts',
      'cms/publishing/markStale.ts', // collection hooks mark the site stale from inside the admin
      'cms/components/SessionRoster/index.tsx',
      'common/catalogue.ts',
      'cms/migrations/20261123_164650_initial.ts', // imported without an extension
    ]) {
      expect(files, file).toContain(file)
    }
  })

  it('leave out the server and the build pipeline, which the admin never imports', () => {
    for (const file of [
      'cms/server/start.ts',
      'cms/server/restHandler.ts',
      'cms/server/build.ts',
      'cms/publishing/worker.ts',
      'cms/publishing/buildSite.ts',
    ]) {
      expect(files, file).not.toContain(file)
    }
  })
})
