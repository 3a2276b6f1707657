import { Type } from 'typebox';

/** `:app` — a module name without '@vwu/'. */
export const AppParams = Type.Object(
  {
    app: Type.String({
      pattern: '^[a-z][a-z0-9-]{1,39}$',
      description: "Module name without '@vwu/', e.g. 'mfe-members'",
      examples: ['mfe-members'],
    }),
  },
  { additionalProperties: false },
);

const Version = Type.String({ pattern: '^[0-9A-Za-z.+-]{1,60}$', examples: ['0.1.0'] });

/** Body of a publish: the version to serve. */
export const PublishBody = Type.Object({ version: Version }, { additionalProperties: false });

/** Body of a roll back: the version to go back to, or none for the one served before the current. */
export const RollbackBody = Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false });

/** A stored version of a module. */
export const BundleOut = Type.Object({
  app: Type.String(),
  version: Type.String(),
  bundleHash: Type.String({
    description: 'sha256 of the content; its files are served under /bundles/<hash>/',
  }),
  entry: Type.String({ description: 'Entry URL the import map gives the module' }),
  fileCount: Type.Integer(),
  totalBytes: Type.Integer(),
  uploadedAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean({ description: 'Whether the import map serves this version now' }),
});

/** Answer of an upload. */
export const UploadOut = Type.Object({ bundle: BundleOut, created: Type.Boolean() });

/** Answer of a publish or roll back. */
export const PublishOut = Type.Object({
  app: Type.String(),
  version: Type.String(),
  entry: Type.String(),
  previousVersion: Type.Union([Type.String(), Type.Null()]),
});

/** Every version of a module. */
export const VersionsOut = Type.Object({
  app: Type.String(),
  currentVersion: Type.Union([Type.String(), Type.Null()]),
  versions: Type.Array(BundleOut),
});

/** The modules with a published version. */
export const DeploymentsOut = Type.Object({
  modules: Type.Array(
    Type.Object({
      app: Type.String(),
      version: Type.String(),
      entry: Type.String(),
      publishedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
