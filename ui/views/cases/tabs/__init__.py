"""The tabs of the case view (概况, 当事人, 记录, 协议, 回访, 操作记录), one module each."""
