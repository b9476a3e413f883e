import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language.js';

describe('guessLanguage', () => {
  it.each([
    ['Where is my order? It was due on Monday', 'en'],
    ['سفارش من کجاست؟', 'fa'],
    ['أين طلبي؟ التوصيل متأخر', 'ar'],
    ['שלום, איפה ההזמנה שלי', 'he'],
    ['配送が遅いです', 'ja'],
    ['我的订单在哪里', 'zh'],
    ['배송이 늦어요', 'ko'],
    ['Où est ma commande ?', undefined],
    ['Unde este comanda mea?', 'ro'],
    ['Mulțumesc pentru ajutor', 'ro'],
    ['I am in Bucharest, where is my order?', 'en'],
    ['Где мой заказ?', undefined],
    ['👍👍', undefined],
  ])('%j → %s', (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });
});
