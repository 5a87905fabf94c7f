// 住所から位置を探す: reading the geocoder's answer (the shape 国土地理院's
// AddressSearch gives), taking the first hit inside Japan.
import { describe, expect, it } from 'vitest';
import { firstPoint } from '$lib/server/places/geocode';

// an answer as 国土地理院's AddressSearch gives it (longitude first)
const answer = [
	{
		geometry: { coordinates: [-0.1276, 51.5072], type: 'Point' },
		type: 'Feature',
		properties: { addressCode: '', title: 'どこか遠く' }
	},
	{
		geometry: { coordinates: [139.9493451, 35.7965982], type: 'Point' },
		type: 'Feature',
		properties: { addressCode: '12207', title: '千葉県松戸市常盤平三丁目' }
	}
];

describe('the geocoder’s answer', () => {
	it('takes the first point inside Japan, latitude and longitude the right way round, 6 decimals', () => {
		expect(firstPoint(answer)).toEqual({
			latitude: 35.796598,
			longitude: 139.949345,
			title: '千葉県松戸市常盤平三丁目'
		});
	});

	it('finds nothing in an empty answer or one that is not a list of points', () => {
		expect(firstPoint([])).toBeNull();
		expect(firstPoint({ error: 'bad' })).toBeNull();
		expect(firstPoint([{ geometry: { coordinates: ['x', 'y'] } }])).toBeNull();
		expect(firstPoint([answer[0]])).toBeNull();
	});
});
