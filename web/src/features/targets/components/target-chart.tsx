/**
 * The chart of one target, with ECharts: accepted values, the target line, the trajectory needed from
 * the baseline and the projection at the observed growth. Loaded lazily (only target pages need it),
 * with only the parts it uses, drawn as SVG so it prints crisply.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import type { TargetDetail } from '../api/get-target.ts';
import { acceptedSeries, yearSpan } from '../chart-data.ts';

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const COLORS = { accepted: '#0b4f9c', target: '#a4161a', needed: '#6b7785', projection: '#b26b00' };

export default function TargetChart({ detail, summary }: { detail: TargetDetail; summary: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    const { target, progress } = detail;
    const number = (v: number) => formatNumber(v, language);
    const series = acceptedSeries(detail.values);
    const span = yearSpan(detail, series);
    const rank = target.comparison === 'rank<=';
    const goalLines =
      target.targetValue === null
        ? []
        : [
            target.targetValue,
            ...(target.comparison === 'range' && target.targetValueMax !== null
              ? [target.targetValueMax]
              : []),
          ];
    const unit = target.unit ? ` ${target.unit}` : '';
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      color: [COLORS.accepted, COLORS.needed, COLORS.projection],
      // ECharts measures text itself: give it the page's font, not "inherit", so labels fit.
      textStyle: { fontFamily: getComputedStyle(el).fontFamily },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; value: [number, number]; data: { label?: string } }) =>
          `${p.seriesName}<br/>${p.data.label ?? Math.round(p.value[0])}: <b>${number(p.value[1])}${unit}</b>`,
      },
      xAxis: {
        type: 'value',
        min: span.min,
        max: span.max,
        minInterval: 1,
        interval: span.max - span.min > 12 ? 5 : 1,
        axisLabel: { formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        // A rank: 1 at the top, no rank 0, whole numbers only.
        inverse: rank,
        scale: rank,
        minInterval: rank ? 1 : 0,
        min: rank ? (extent: { min: number }) => Math.max(1, Math.floor(extent.min) - 1) : undefined,
        name: rank ? t('targetPage.chart.rankAxis') : (target.unit ?? ''),
        // Above the axis either way (an inverted axis ends at the bottom).
        nameLocation: rank ? 'start' : 'end',
        nameTextStyle: { align: 'left' },
        axisLabel: { formatter: (v: number) => number(v) },
      },
      series: [
        {
          name: t('targetPage.chart.accepted'),
          type: 'line',
          data: series.map((p) => ({ value: [p.x, p.value], label: p.label })),
          symbol: 'circle',
          symbolSize: 9,
          lineStyle: { width: 3 },
          z: 4,
          markLine:
            goalLines.length > 0
              ? {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: COLORS.target, type: 'solid', width: 2 },
                  label: {
                    formatter: () => t('targetPage.chart.targetLine'),
                    position: 'insideEndTop',
                    color: COLORS.target,
                  },
                  data: goalLines.map((v) => ({ yAxis: v })),
                }
              : undefined,
        },
        {
          name: t('targetPage.chart.needed'),
          type: 'line',
          data: progress.neededTrajectory.map((p) => ({ value: [p.year, p.value] })),
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 2 },
        },
        {
          name: t('targetPage.chart.projection'),
          type: 'line',
          data: progress.projectionPath.map((p) => ({ value: [p.year, p.value] })),
          symbol: 'emptyCircle',
          symbolSize: 6,
          lineStyle: { type: 'dotted', width: 2 },
        },
      ],
    });
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    window.addEventListener('beforeprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      chart.dispose();
    };
  }, [detail, language, t]);

  const hasProjection = detail.progress.projectionPath.length > 0;
  const hasNeeded = detail.progress.neededTrajectory.length > 0;
  return (
    <>
      {/* The legend is HTML: it wraps on a phone, and the words are the page's own. */}
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-legend__key chart-legend__key--accepted" />
          {t('targetPage.chart.accepted')}
        </li>
        {detail.target.targetValue !== null && (
          <li>
            <span className="chart-legend__key chart-legend__key--target" />
            {t('targetPage.chart.targetLine')}
          </li>
        )}
        {hasNeeded && (
          <li>
            <span className="chart-legend__key chart-legend__key--needed" />
            {t('targetPage.chart.needed')}
          </li>
        )}
        {hasProjection && (
          <li>
            <span className="chart-legend__key chart-legend__key--projection" />
            {t('targetPage.chart.projection')}
          </li>
        )}
      </ul>
      <div
        ref={element}
        className="target-chart"
        role="img"
        aria-label={summary}
        data-inverted={detail.target.comparison === 'rank<='}
      />
    </>
  );
}
