// @ts-check
/*
 * imsmanifest.xml of a SCORM 1.2 package: one organisation, one item, one SCO launched from
 * scorm-launch.html, and every file of the course listed. Valid against the SCORM 1.2 schemas kept
 * in scorm/xsd/ (tests/unit/lmsManifest.test.ts checks it with xmllint).
 */

/** @param {string} text */
const xml = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * @param {{ lang: string, title: string, version: string, masteryScore: number, launch: string, files: string[] }} options
 */
export function scormManifest({ lang, title, version, masteryScore, launch, files }) {
  const fileList = files.map((file) => `      <file href="${xml(encodeURI(file))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hankintapolku-${lang}" version="${xml(version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="hankintapolku-org">
    <organization identifier="hankintapolku-org">
      <title>${xml(title)}</title>
      <item identifier="hankintapolku-course" identifierref="hankintapolku-sco" isvisible="true">
        <title>${xml(title)}</title>
        <adlcp:masteryscore>${String(masteryScore)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="hankintapolku-sco" type="webcontent" adlcp:scormtype="sco" href="${xml(launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}
