// Set to "lms" by scripts/buildLms.mjs for the SCORM package build; unset for the website.
interface ImportMetaEnv {
  readonly PUBLIC_HANKINTAPOLKU_TARGET?: 'lms';
}
