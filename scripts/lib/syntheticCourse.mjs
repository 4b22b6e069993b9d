// Writes a complete, valid course of generated text to a folder: the base of the content tests
// (which break one file of it on purpose) and of the build-scaling benchmark.
import { mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const moduleIds = ['background', 'teamwork', 'goals', 'constraints', 'tools', 'measurement', 'support'];

const words = 'hankinta sopimus tarjous markkina vaikutus tavoite mittari elinkaari kumppani palvelu'.split(' ');
const paragraph = (seed, n) =>
  Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ') + '.';

const quiz = (moduleId) =>
  `questions:\n` +
  Array.from(
    { length: 5 },
    (_, q) => `  - id: q${q + 1}
    prompt: { fi: "Kysymys ${q + 1} (${moduleId})?", en: "Question ${q + 1} (${moduleId})?" }
    options:
      - text: { fi: Oikein, en: Right }
        correct: true
        explanation: { fi: Tämä on oikein., en: This is right. }
      - text: { fi: Väärin, en: Wrong }
        correct: false
        explanation: { fi: Tämä on väärin., en: This is wrong. }
`,
  ).join('');

const glossary = (moduleId) => `terms:
  - id: term-of-${moduleId}
    fi: { term: "termi ${moduleId}", definition: "Moduulin ${moduleId} termi." }
    en: { term: "term ${moduleId}", definition: "The term of module ${moduleId}." }
`;

const lesson = (id, order, lang, moduleId) => `---
id: ${id}
order: ${order}
title: "${lang === 'fi' ? 'Oppitunti' : 'Lesson'} ${order} ${moduleId}"
reviewed: ${new Date().toISOString().slice(0, 10)}
summary: "${lang} summary ${order}"
takeaways:
  - "${lang} takeaway one"
  - "${lang} takeaway two"
reflection: "${lang} reflection ${order}?"
---

## ${lang === 'fi' ? 'Osa' : 'Part'} ${order}

${paragraph(order, 60)}

<Example title="Case ${order}" fictional>
${paragraph(order + 1, 30)}
</Example>

${paragraph(order + 2, 60)}
`;

/**
 * Writes a valid course with `lessonsPerModule` lessons in each of the seven modules, plus the site
 * pages copied from the real content. Returns the folder.
 */
export function writeSyntheticCourse(dir, { lessonsPerModule = 1 } = {}) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'content', 'course.yaml'), join(dir, 'course.yaml'));
  cpSync(join(root, 'content', 'pages'), join(dir, 'pages'), { recursive: true });
  moduleIds.forEach((id, i) => {
    const base = join(dir, 'modules', id);
    mkdirSync(join(base, 'fi'), { recursive: true });
    mkdirSync(join(base, 'en'), { recursive: true });
    writeFileSync(
      join(base, 'module.yaml'),
      `id: ${id}\norder: ${i + 1}\ntitle: { fi: "Moduuli ${id}", en: "Module ${id}" }\nsummary: { fi: "Yhteenveto", en: "Summary" }\nobjectives:\n  fi: [Yksi, Kaksi, Kolme]\n  en: [One, Two, Three]\n`,
    );
    writeFileSync(join(base, 'quiz.yaml'), quiz(id));
    writeFileSync(join(base, 'glossary.yaml'), glossary(id));
    for (let n = 1; n <= lessonsPerModule; n++) {
      const file = `${String(n).padStart(3, '0')}-lesson-${n}.mdx`;
      for (const lang of ['fi', 'en']) writeFileSync(join(base, lang, file), lesson(`lesson-${n}`, n, lang, id));
    }
  });
  return dir;
}
