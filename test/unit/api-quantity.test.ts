import { describe, it, expect } from 'vitest';
import {
  QUANTITY_FORMAT_ERROR,
  canonicalQuantity,
  compareQuantities,
  cpuToNanoCpus,
  isValidQuantity,
  memoryToBytes,
  parseQuantity,
  parseQuantityNumber,
  quantityError,
  quantityMilliValue,
  quantityToString,
  quantityValue,
  roundUp,
} from '../../src/api/quantity.js';

describe('canonical form (Quantity.String)', () => {
  it.each([
    ['500m', '500m'],
    ['1', '1'],
    ['0', '0'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['.5', '500m'],
    ['0.1', '100m'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1.5k', '1500'],
    ['1G', '1G'],
    ['1E', '1E'],
    ['1e3', '1e3'],
    ['1E3', '1E3'],
    ['1e4', '10e3'],
    ['12e3', '12e3'],
    ['5e-3', '5e-3'],
    ['1e-10', '1e-9'],
    ['0.0000000001', '1n'],
    ['100u', '100u'],
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['2Gi', '2Gi'],
    ['1536Ki', '1536Ki'],
    ['0.5Ki', '512'],
    ['0.0001Ki', '102400u'],
    ['-1', '-1'],
    ['-500m', '-500m'],
    // Kubernetes keeps already-canonical input verbatim, quirks included.
    ['+1', '+1'],
    ['007', '007'],
    ['1.', '1.'],
    // An exponent without a decimal suffix loses it, as in Go.
    ['1000E', '1'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it.each([
    [0.5, '500m'],
    [2, '2'],
    [1e9, '1G'],
  ])('number %s -> %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('ignores surrounding whitespace like the JSON decoder', () => {
    expect(canonicalQuantity(' 1Gi ')).toBe('1Gi');
  });
});

describe('parse errors', () => {
  it('has the apimachinery regex message', () => {
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it.each([
    ['abc', QUANTITY_FORMAT_ERROR],
    ['', QUANTITY_FORMAT_ERROR],
    ['1Mb', QUANTITY_FORMAT_ERROR],
    ['1KB', QUANTITY_FORMAT_ERROR],
    ['1.2.3', QUANTITY_FORMAT_ERROR],
    ['1 Gi', QUANTITY_FORMAT_ERROR],
    ['1kk', "unable to parse quantity's suffix"],
    ['1mi', "unable to parse quantity's suffix"],
    ['--1', "unable to parse quantity's suffix"],
  ])('%j', (input, want) => {
    expect(quantityError(input)).toBe(want);
    expect(isValidQuantity(input)).toBe(false);
    expect(() => parseQuantity(input)).toThrow(want);
  });

  it.each(['1', '500m', '1Gi', '1e3', '0', '-1'])('%s is valid', (s) => {
    expect(isValidQuantity(s)).toBe(true);
    expect(quantityError(s)).toBeNull();
  });
});

describe('values', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['0.5', 0.5],
    ['128Mi', 134217728],
    ['1G', 1e9],
    ['1e3', 1000],
    ['1Ki', 1024],
    ['250u', 0.00025],
  ])('parseQuantityNumber(%s) = %s', (s, n) => {
    expect(parseQuantityNumber(s)).toBe(n);
  });

  it.each([
    ['500m', 500_000_000],
    ['1', 1_000_000_000],
    ['2', 2_000_000_000],
    ['0.25', 250_000_000],
    ['100u', 100_000],
    ['1n', 1],
  ])('cpuToNanoCpus(%s) = %d', (s, n) => {
    expect(cpuToNanoCpus(s)).toBe(n);
  });

  it.each([
    ['128Mi', 134217728],
    ['1Gi', 1073741824],
    ['1G', 1_000_000_000],
    ['1.5k', 1500],
    ['512', 512],
    ['100m', 1], // rounds up
    ['1e3', 1000],
  ])('memoryToBytes(%s) = %d', (s, n) => {
    expect(memoryToBytes(s)).toBe(n);
  });

  it('Value and MilliValue round up', () => {
    expect(quantityValue(parseQuantity('1500m'))).toBe(2n);
    expect(quantityMilliValue(parseQuantity('1.0005'))).toBe(1001n);
    expect(quantityMilliValue(parseQuantity('2'))).toBe(2000n);
  });

  it('compares across formats', () => {
    expect(compareQuantities(parseQuantity('1'), parseQuantity('1000m'))).toBe(0);
    expect(compareQuantities(parseQuantity('1Gi'), parseQuantity('1G'))).toBe(1);
    expect(compareQuantities(parseQuantity('500m'), parseQuantity('1'))).toBe(-1);
  });

  it('rounds up to milli units like SetDefaults_ResourceList', () => {
    expect(quantityToString(roundUp(parseQuantity('100u')))).toBe('1m');
    expect(quantityToString(roundUp(parseQuantity('1.0001')))).toBe('1001m');
    expect(quantityToString(roundUp(parseQuantity('500m')))).toBe('500m');
    expect(quantityToString(roundUp(parseQuantity('128Mi')))).toBe('128Mi');
  });
});
