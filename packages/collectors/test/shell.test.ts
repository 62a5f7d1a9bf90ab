/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are shell scripts and GitHub expressions, not JS templates */
import { describe, expect, it } from 'vitest';
import { parseSimpleCommands, scriptCommands, splitScript } from '../src/files/shell.js';

const argvs = (script: string) => splitScript(script).map((c) => c.argv);

describe('splitScript', () => {
  it('splits on newlines, && and ; but keeps || and | inside the command', () => {
    expect(splitScript('a 1\nb 2 && c 3; d 4 || exit 1\ne | f')).toEqual([
      { text: 'a 1', argv: ['a', '1'], lineIndex: 0 },
      { text: 'b 2', argv: ['b', '2'], lineIndex: 1 },
      { text: 'c 3', argv: ['c', '3'], lineIndex: 1 },
      { text: 'd 4 || exit 1', argv: ['d', '4', '||', 'exit', '1'], lineIndex: 1 },
      { text: 'e | f', argv: ['e', '|', 'f'], lineIndex: 2 },
    ]);
  });

  it('joins backslash-continued lines and reports the first line', () => {
    expect(splitScript('\n\ndocker build \\\n  --platform linux/amd64 \\\n  -t img .\necho done')).toEqual([
      {
        text: 'docker build --platform linux/amd64 -t img .',
        argv: ['docker', 'build', '--platform', 'linux/amd64', '-t', 'img', '.'],
        lineIndex: 2,
      },
      { text: 'echo done', argv: ['echo', 'done'], lineIndex: 5 },
    ]);
  });

  it('honours single and double quotes and escapes', () => {
    expect(argvs(`echo 'a  b' "c \\"d\\" $X" e\\ f 'x;y' "p&&q"`)).toEqual([
      ['echo', 'a  b', 'c "d" $X', 'e f', 'x;y', 'p&&q'],
    ]);
    expect(argvs(`echo ''`)).toEqual([['echo', '']]);
  });

  it('keeps GitHub expressions, command substitutions and parameter expansions whole', () => {
    expect(argvs('docker push ${{ env.REGISTRY }}/app:${{ github.sha }} $(date +%s) ${A:-x y}')).toEqual([
      ['docker', 'push', '${{ env.REGISTRY }}/app:${{ github.sha }}', '$(date +%s)', '${A:-x y}'],
    ]);
    expect(argvs('echo "${{ secrets.TOKEN }}"')).toEqual([['echo', '${{ secrets.TOKEN }}']]);
  });

  it('drops comments and does not read heredoc bodies as commands', () => {
    const commands = splitScript('# setup\necho a # trailing\ncat <<-"EOF" > f.txt\n  rm -rf /\n  EOF\necho b');
    expect(commands.map((c) => [c.argv, c.lineIndex])).toEqual([
      [['echo', 'a'], 1],
      [['cat', '<<-"EOF"', '>', 'f.txt'], 2],
      [['echo', 'b'], 5],
    ]);
  });

  it('keeps redirections as words of their own', () => {
    expect(argvs('cmd 2>&1 >/dev/null <in')).toEqual([['cmd', '2', '>&', '1', '>', '/dev/null', '<', 'in']]);
  });

  it('counts lines inside multi-line quotes', () => {
    const commands = splitScript('echo "one\ntwo"\nnext');
    expect(commands.map((c) => [c.argv, c.lineIndex])).toEqual([
      [['echo', 'one\ntwo'], 0],
      [['next'], 2],
    ]);
  });

  it('returns nothing for an empty or comment-only script', () => {
    expect(splitScript('')).toEqual([]);
    expect(splitScript('# nothing\n\n')).toEqual([]);
  });
});

describe('parseSimpleCommands', () => {
  const simple = (text: string) => parseSimpleCommands(text, 7).map((c) => ({ ...c, line: undefined }));

  it('strips assignments and wrappers from the program, and keeps the assignments', () => {
    expect(simple('DOCKER_DEFAULT_PLATFORM=linux/amd64 sudo -E docker build .')).toEqual([
      {
        argv: ['docker', 'build', '.'],
        assignments: { DOCKER_DEFAULT_PLATFORM: 'linux/amd64' },
        after: '',
        substituted: false,
        line: undefined,
      },
    ]);
    expect(parseSimpleCommands('env -i A=1 B="two words" run', 3)[0]).toMatchObject({
      argv: ['run'],
      assignments: { A: '1', B: 'two words' },
      line: 3,
    });
    expect(parseSimpleCommands('if ! grep -q x f; then exit 1; fi', 1).map((c) => c.argv)).toEqual([
      ['grep', '-q', 'x', 'f'],
      ['exit', '1'],
      ['fi'],
    ]);
  });

  it('splits at every operator and says which one follows, with the text after it', () => {
    expect(parseSimpleCommands('curl -f https://x/healthz || exit 1', 1)).toMatchObject([
      { argv: ['curl', '-f', 'https://x/healthz'], next: '||', after: 'exit 1' },
      { argv: ['exit', '1'] },
    ]);
    expect(parseSimpleCommands('a | b & c; d', 1).map((c) => [c.argv[0], c.next])).toEqual([
      ['a', '|'],
      ['b', '&'],
      ['c', ';'],
      ['d', undefined],
    ]);
  });

  it('reads command substitutions as commands of their own, after the others', () => {
    expect(parseSimpleCommands('echo "tag=$(git rev-parse HEAD)" `date`', 1)).toMatchObject([
      { argv: ['echo', 'tag=$(git rev-parse HEAD)', '`date`'], substituted: false },
      { argv: ['git', 'rev-parse', 'HEAD'], substituted: true },
      { argv: ['date'], substituted: true },
    ]);
  });

  it('keeps quotes, GitHub expressions and redirections inside words; drops comments', () => {
    expect(parseSimpleCommands('echo \'a b\' "${{ secrets.X }}" 2>&1 # note', 1)[0]?.argv).toEqual([
      'echo',
      'a b',
      '${{ secrets.X }}',
      '2>&1',
    ]);
    expect(parseSimpleCommands('# only a comment', 1)).toEqual([]);
  });
});

describe('scriptCommands', () => {
  it('gives every command line its file line and its simple commands', () => {
    expect(scriptCommands('make\nA=1 docker push img && echo ok', (i) => 10 + i)).toEqual([
      { text: 'make', argv: ['make'], line: 10, simple: [expect.objectContaining({ argv: ['make'] })] },
      {
        text: 'A=1 docker push img',
        argv: ['A=1', 'docker', 'push', 'img'],
        line: 11,
        simple: [expect.objectContaining({ argv: ['docker', 'push', 'img'], assignments: { A: '1' }, line: 11 })],
      },
      { text: 'echo ok', argv: ['echo', 'ok'], line: 11, simple: [expect.objectContaining({ argv: ['echo', 'ok'] })] },
    ]);
  });
});
