// The SPDY/3 header-compression dictionary (draft 3, section 2.6.10.1): zlib is primed with it before the first
// header block of a session. It is a list of length-prefixed header names and values, then a run of common
// status codes, dates and media types. Built here from its parts; the unit test checks length and Adler-32.

/** Length-prefixed entries (4-byte big-endian length, then the text), in order. */
const ENTRIES = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding',
  'accept-language', 'accept-ranges', 'age', 'allow', 'authorization', 'cache-control', 'connection', 'content-base',
  'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5', 'content-range',
  'content-type', 'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since',
  'if-none-match', 'if-range', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'pragma',
  'proxy-authenticate', 'proxy-authorization', 'range', 'referer', 'retry-after', 'server', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate', 'method', 'get',
  'status', '200 OK', 'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
];

/** Unprefixed text that follows the entries. */
const TAIL = [
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-',
  'Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 ',
  'Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service UnavailableJan Feb Mar',
  ' Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/ht',
  'ml,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,pu',
  'blicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.',
].join('');

function build(): Buffer {
  const parts: Buffer[] = [];
  for (const e of ENTRIES) {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(Buffer.byteLength(e));
    parts.push(len, Buffer.from(e, 'latin1'));
  }
  parts.push(Buffer.from(TAIL, 'latin1'));
  return Buffer.concat(parts);
}

/** 1423 bytes, Adler-32 0xe3c6a7c2. */
export const SPDY_DICTIONARY: Buffer = build();
